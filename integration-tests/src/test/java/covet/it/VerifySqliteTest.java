package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.engine.lint.MigrationSelection;
import covet.engine.verify.ProjectVerify;
import covet.engine.verify.VerifyResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covet verify} on SQLite: honest migrations pass, and hand-broken reverses are caught, each named with the
 * table its rollback fails to restore, while the project's own database is never touched.
 */
class VerifySqliteTest {
    static final String M1 = "20260101_000001_users";
    static final String M2 = "20260101_000002_bio";
    static final String M3 = "20260101_000003_audit";
    static final String M4 = "20260101_000004_email_text";
    static final String M5 = "20260101_000005_backfill";
    static final String M6 = "20260101_000006_drop_bio";

    static final String EMAIL = "{\"name\": \"email\", \"type\": \"varchar(100)\", \"nullable\": false}";
    static final String USERS = Project.createTable("users", Project.ID + ", " + EMAIL, "");
    static final String ADD_BIO = "{\"op\": \"AddColumn\", \"table\": \"users\", \"column\": "
            + "{\"name\": \"bio\", \"type\": \"text\"}}";
    static final String INDEX_EMAIL = "{\"op\": \"CreateIndex\", \"table\": \"users\", \"index\": "
            + "{\"name\": \"ix_users_email\", \"columns\": [\"email\"], \"unique\": true}}";
    /** Its reverse does not drop what it creates. */
    static final String BROKEN_RUNSQL = "{\"op\": \"RunSQL\", \"sql\": [\"CREATE TABLE audit (id integer)\"], "
            + "\"reverseSql\": [\"SELECT 1\"]}";
    /** Its previous definition lies: email was varchar(100), not varchar(50). */
    static final String LYING_ALTER = "{\"op\": \"AlterColumn\", \"table\": \"users\", "
            + "\"column\": {\"name\": \"email\", \"type\": \"text\", \"nullable\": false}, "
            + "\"previous\": {\"name\": \"email\", \"type\": \"varchar(50)\", \"nullable\": false}}";
    static final String IRREVERSIBLE = "{\"op\": \"RunSQL\", \"sql\": [\"UPDATE users SET bio = ''\"]}";
    static final String DROP_BIO = "{\"op\": \"DropColumn\", \"table\": \"users\", \"name\": \"bio\", "
            + "\"definition\": {\"name\": \"bio\", \"type\": \"text\"}}";

    @TempDir
    Path dir;

    static Project project(Path dir) {
        Project p = Project.sqlite(dir);
        p.write(M1, List.of(), USERS);
        p.write(M2, List.of(M1), ADD_BIO, INDEX_EMAIL);
        p.write(M3, List.of(M2), BROKEN_RUNSQL);
        p.write(M4, List.of(M3), LYING_ALTER);
        p.write(M5, List.of(M4), IRREVERSIBLE);
        p.write(M6, List.of(M5), DROP_BIO);
        return p;
    }

    @Test
    void theEngineNamesEachBrokenReverseAndPassesTheRest() {
        Project p = project(dir);
        List<VerifyResult> results = ProjectVerify.verify(p.covet(), MigrationSelection.of(p.covet(), List.of()),
                null);
        assertEquals(List.of(M1, M2, M3, M4, M5, M6), results.stream().map(VerifyResult::migrationId).toList());
        assertEquals(List.of(VerifyResult.Outcome.RESTORED, VerifyResult.Outcome.RESTORED,
                VerifyResult.Outcome.NOT_RESTORED, VerifyResult.Outcome.NOT_RESTORED,
                VerifyResult.Outcome.IRREVERSIBLE, VerifyResult.Outcome.RESTORED),
                results.stream().map(VerifyResult::outcome).toList(), results.toString());
        assertEquals(List.of("audit"), results.get(2).tables());
        assertEquals(List.of("users"), results.get(3).tables());
        assertTrue(results.get(3).details().get(0).contains("column email was"), results.get(3).toString());
        assertTrue(results.get(3).details().get(0).contains("varchar(100)"), results.get(3).toString());
        assertTrue(results.get(4).message().contains("RunSQL has no reverseSql"), results.get(4).toString());
        assertFalse(Files.exists(dir.resolve("covet.db")), "verify works on a scratch database only");
    }

    @Test
    void theCommandExitsOneOnAFailureAndZeroWhenAllRestore() {
        Project p = project(dir);
        Cli.Result all = Cli.run(dir, "--url", p.url, "verify");
        assertEquals(1, all.exitCode(), all.toString());
        List<String> lines = all.out().lines().toList();
        assertTrue(lines.contains("ok   " + M1 + ": rollback restores the schema"), all.toString());
        assertTrue(lines.contains("FAIL " + M3 + ": rollback does not restore the schema of audit"), all.toString());
        assertTrue(lines.contains("FAIL " + M4 + ": rollback does not restore the schema of users"), all.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FAIL " + M5 + ": irreversible")), all.toString());
        assertTrue(all.err().contains("verify: 6 migrations (pending migrations), 3 failed"), all.toString());

        Cli.Result good = Cli.run(dir, "--url", p.url, "verify", M2, M6);
        assertEquals(0, good.exitCode(), good.toString());
        assertEquals(2, good.out().lines().filter(l -> l.startsWith("ok   ")).count(), good.toString());

        Cli.Result unknown = Cli.run(dir, "--url", p.url, "verify", "20990101_000000_nope");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("no migration 20990101_000000_nope"), unknown.toString());
    }

    @Test
    void onlyPendingMigrationsAreVerifiedOnTopOfTheAppliedOnes() {
        Project p = Project.sqlite(dir);
        p.write(M1, List.of(), USERS);
        p.write(M2, List.of(M1), ADD_BIO, INDEX_EMAIL);
        p.covet().migrate();
        p.write(M3, List.of(M2), BROKEN_RUNSQL);
        Cli.Result r = Cli.run(dir, "--url", p.url, "verify");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(List.of("FAIL " + M3 + ": rollback does not restore the schema of audit"),
                r.out().lines().filter(l -> l.startsWith("FAIL") || l.startsWith("ok")).toList(), r.toString());
        assertEquals(List.of("covet_migrations", "users"), p.sqliteTables(), "the real database is untouched");
    }
}
