package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covet lint} and the lint gate of {@code migrate} and {@code makemigrations}, through the real launcher on a
 * SQLite project: what is flagged, what blocks, what {@code --allow} and {@code --strict} change, and that a refused
 * command leaves the database and the migrations folder as they were.
 */
class LintCliTest {
    static final String M1 = "20260101_000001_users";
    static final String M2 = "20260101_000002_drop_bio";
    static final String M3 = "20260101_000003_nickname";
    static final String BIO = "{\"name\": \"bio\", \"type\": \"text\"}";
    static final String USERS = Project.createTable("users", Project.ID
            + ", {\"name\": \"email\", \"type\": \"varchar(100)\", \"nullable\": false}, " + BIO, "");
    static final String DROP_BIO = "{\"op\": \"DropColumn\", \"table\": \"users\", \"name\": \"bio\", "
            + "\"definition\": " + BIO + "}";
    static final String ADD_NICKNAME = "{\"op\": \"AddColumn\", \"table\": \"users\", \"column\": "
            + "{\"name\": \"nickname\", \"type\": \"varchar(30)\"}}";

    @TempDir
    Path dir;

    Cli.Result covet(Project p, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--url";
        all[1] = p.url;
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(p.root, all);
    }

    @Test
    void aSafeMigrationPassesWithNoOutput() {
        Project p = Project.sqlite(dir);
        p.write(M1, List.of(), USERS);
        p.write(M3, List.of(M1), ADD_NICKNAME);
        Cli.Result r = covet(p, "lint", "--strict");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("", r.out(), r.toString());
        assertTrue(r.err().contains("lint: 2 migrations (pending migrations), 0 findings, 0 blocking"), r.toString());
        assertFalse(Files.exists(dir.resolve("covet.db")), "lint must not create the database");
    }

    @Test
    void dataLossBlocksUntilItsRuleIsAllowedAndStrictBlocksWarnings() {
        Project p = Project.sqlite(dir);
        p.write(M1, List.of(), USERS);
        p.write(M2, List.of(M1), DROP_BIO);

        Cli.Result lint = covet(p, "lint");
        assertEquals(1, lint.exitCode(), lint.toString());
        List<String> lines = lint.out().lines().toList();
        assertEquals(2, lines.size(), lint.toString());
        assertTrue(lines.get(0).startsWith("ERROR data-loss/drop-column " + M2
                + " op 1 (DropColumn: drop column users.bio): the values of users.bio are deleted"), lint.toString());
        assertTrue(lines.get(1).startsWith("WARNING rewrite/table-rebuild " + M2 + " op 1 "), lint.toString());
        assertTrue(lint.err().contains("--allow data-loss/drop-column"), lint.toString());

        Cli.Result allowed = covet(p, "lint", "--allow", "data-loss/drop-column");
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertTrue(allowed.out().contains("[allowed]"), allowed.toString());

        Cli.Result strict = covet(p, "lint", "--allow", "data-loss/drop-column", "--strict");
        assertEquals(1, strict.exitCode(), strict.toString());
        assertTrue(strict.out().contains("ERROR rewrite/table-rebuild " + M2), strict.toString());
        assertEquals(0, covet(p, "lint", "--strict", "--allow", "data-loss", "--allow", "rewrite").exitCode());

        Cli.Result typo = covet(p, "lint", "--allow", "data-loss/drop-colum");
        assertEquals(2, typo.exitCode(), typo.toString());
        assertTrue(typo.err().contains("unknown lint rule 'data-loss/drop-colum'"), typo.toString());

        Cli.Result only = covet(p, "lint", M1);
        assertEquals(0, only.exitCode(), only.toString());
        assertEquals("", only.out(), only.toString());
    }

    @Test
    void migrateRefusesBlockingFindingsBeforeTouchingTheDatabase() {
        Project p = Project.sqlite(dir);
        p.write(M1, List.of(), USERS);
        Cli.Result first = covet(p, "migrate");
        assertEquals(0, first.exitCode(), first.toString());
        p.write(M2, List.of(M1), DROP_BIO);
        p.write(M3, List.of(M2), ADD_NICKNAME);

        Cli.Result refused = covet(p, "migrate");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("migrate refused: 1 blocking lint finding; nothing was changed"),
                refused.toString());
        assertTrue(refused.err().contains("--allow data-loss/drop-column"), refused.toString());
        assertEquals(List.of(M1), p.query("SELECT name FROM covet_migrations ORDER BY id"));
        assertEquals(List.of("id", "email", "bio"), p.query("SELECT name FROM pragma_table_info('users')"));

        // lint looks at the pending migrations only: M1 is applied
        Cli.Result lint = covet(p, "lint");
        assertTrue(lint.err().contains("lint: 2 migrations (pending migrations)"), lint.toString());

        Cli.Result strict = covet(p, "migrate", "--allow", "data-loss/drop-column", "--strict");
        assertEquals(1, strict.exitCode(), "the rebuild warning blocks under --strict: " + strict);
        assertEquals(List.of(M1), p.query("SELECT name FROM covet_migrations ORDER BY id"));

        Cli.Result allowed = covet(p, "migrate", "--allow", "data-loss/drop-column");
        assertEquals(0, allowed.exitCode(), allowed.toString());
        assertEquals(List.of(M1, M2, M3), p.query("SELECT name FROM covet_migrations ORDER BY id"));
        assertEquals(List.of("id", "email", "nickname"), p.query("SELECT name FROM pragma_table_info('users')"));
    }

    @Test
    void makemigrationsRefusesToWriteDataLossWithoutAllow() throws IOException {
        Project p = Project.sqlite(dir);
        p.write(M1, List.of(), USERS);
        Path schema = Files.writeString(dir.resolve("schema.sql"),
                "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, email VARCHAR(100) NOT NULL);\n");
        Cli.Result refused = covet(p, "makemigrations", "--schema", schema.toString(), "--name", "drop_bio");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("makemigrations refused"), refused.toString());
        assertTrue(refused.err().contains("data-loss/drop-column"), refused.toString());
        try (var files = Files.list(p.migrations)) {
            assertEquals(1, files.count(), "nothing was written");
        }
        Cli.Result written = covet(p, "makemigrations", "--schema", schema.toString(), "--name", "drop_bio",
                "--allow", "data-loss/drop-column");
        assertEquals(0, written.exitCode(), written.toString());
        assertTrue(written.out().contains("Wrote "), written.toString());
        try (var files = Files.list(p.migrations)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void jsonOutputCarriesTheFindings() {
        Project p = Project.sqlite(dir);
        p.write(M1, List.of(), USERS);
        p.write(M2, List.of(M1), DROP_BIO);
        Cli.Result r = covet(p, "lint", "--json");
        assertEquals(1, r.exitCode(), r.toString());
        String out = r.out().strip();
        assertTrue(out.startsWith("{") && out.endsWith("}"), r.toString());
        assertTrue(out.contains("\"command\": \"lint\""), r.toString());
        assertTrue(out.contains("\"rule\": \"data-loss/drop-column\""), r.toString());
        assertTrue(out.contains("\"blocking\": 1"), r.toString());
    }
}
