package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covet verify} on PostgreSQL and MariaDB: the proof runs in a temporary database the dialect creates on the
 * server (or on the one {@code --dev-url} names), catches hand-broken reverses, and leaves the project's database
 * empty. Each test uses a fresh database of its own; an unreachable server skips (or, when required, fails) it.
 */
class VerifyServersTest {
    static final String M1 = "20260101_000001_users";
    static final String M2 = "20260101_000002_bio";
    static final String M3 = "20260101_000003_audit";
    static final String M4 = "20260101_000004_email_longer";

    @TempDir
    Path dir;

    static void writeMigrations(Project p) {
        p.write(M1, List.of(), VerifySqliteTest.USERS);
        p.write(M2, List.of(M1), VerifySqliteTest.ADD_BIO, VerifySqliteTest.INDEX_EMAIL);
        p.write(M3, List.of(M2), VerifySqliteTest.BROKEN_RUNSQL);
        // the previous definition lies: email was varchar(100)
        p.write(M4, List.of(M3), "{\"op\": \"AlterColumn\", \"table\": \"users\", "
                + "\"column\": {\"name\": \"email\", \"type\": \"varchar(200)\", \"nullable\": false}, "
                + "\"previous\": {\"name\": \"email\", \"type\": \"varchar(50)\", \"nullable\": false}}");
    }

    @Test
    void postgresql() throws SQLException {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            proveAndCatch(db);
        }
    }

    @Test
    void mariadb() throws SQLException {
        try (ServerDatabase db = ServerDatabase.mysql()) {
            proveAndCatch(db);
        }
    }

    private void proveAndCatch(ServerDatabase db) {
        Project p = db.project(dir);
        writeMigrations(p);
        Cli.Result r = Cli.run(dir, "--url", db.url, "verify");
        assertEquals(1, r.exitCode(), r.toString());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("ok") || l.startsWith("FAIL")).toList();
        assertEquals(List.of("ok   " + M1 + ": rollback restores the schema",
                "ok   " + M2 + ": rollback restores the schema",
                "FAIL " + M3 + ": rollback does not restore the schema of audit",
                "FAIL " + M4 + ": rollback does not restore the schema of users"), lines, r.toString());
        assertTrue(r.out().contains("column email was"), r.toString());
        assertEquals(List.of(), db.tables(), "verify never touches the project's database");

        // a database that cannot be reached: every migration is verified, on the server --dev-url names
        String missing = ServerDatabase.withDatabase(db.serverUrl, db.name + "_missing");
        Cli.Result dev = Cli.run(dir, "--url", missing, "verify", "--dev-url", db.url, M2);
        assertEquals(0, dev.exitCode(), dev.toString());
        assertTrue(dev.out().contains("ok   " + M2), dev.toString());
        assertEquals(List.of(), db.tables());
    }
}
