package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covet info}, {@code validate}, {@code repair}, {@code baseline} and {@code clean} run as processes, in every
 * state and refusal: pending, applied, changed, missing, outdated repeatable and failed migrations; repair's dry
 * run, its refusal without a terminal or --yes, and its handling of failed rows; baseline up to a version and its
 * refusal on a migrated database; clean refused without --yes or without clean_enabled. The database is checked
 * with its own tools (the sqlite3 shell, MariaDB's catalog).
 */
class FlywayVerbsCliTest {
    @TempDir
    Path dir;

    private static void assertExit(int code, Cli.Result r) {
        assertEquals(code, r.exitCode(), r.toString());
    }

    @Test
    void infoValidateRepairBaselineCleanOnSqlite() throws IOException, InterruptedException {
        Project p = Project.sqlite(dir);
        p.writeRaw("V1__person.sql", "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT);\n");
        p.writeRaw("V2__city.sql", "CREATE TABLE city (id INTEGER PRIMARY KEY);\n");

        Cli.Result info = Cli.run(dir, "info");
        assertExit(0, info);
        assertTrue(info.out().contains("PENDING  V1__person") && info.out().contains("PENDING  V2__city"), info.out());
        assertExit(0, Cli.run(dir, "migrate"));

        // a real change to an applied file: CHANGED, validate fails, repair after confirmation only
        p.writeRaw("V1__person.sql", "CREATE TABLE person (id INTEGER PRIMARY KEY, name TEXT, email TEXT);\n");
        info = Cli.run(dir, "info");
        assertTrue(info.out().contains("CHANGED  V1__person") && info.out().contains("APPLIED  V2__city"), info.out());
        Cli.Result validate = Cli.run(dir, "validate");
        assertExit(1, validate);
        assertTrue(validate.out().contains("CHANGED  V1__person"), validate.toString());
        Cli.Result dry = Cli.run(dir, "repair", "--dry-run");
        assertExit(0, dry);
        assertTrue(dry.out().contains("would   V1__person: re-record the checksum"), dry.out());
        Cli.Result refused = Cli.run(dir, "repair");
        assertExit(1, refused);
        assertTrue(refused.err().contains("needs confirmation"), refused.toString());
        assertExit(1, Cli.run(dir, "validate"));
        assertExit(0, Cli.run(dir, "repair", "--yes"));
        assertExit(0, Cli.run(dir, "validate"));

        // an applied file that is gone: MISSING; a new repeatable: PENDING
        Path v2 = p.migrations.resolve("V2__city.sql");
        String v2Text = Files.readString(v2);
        Files.delete(v2);
        p.writeRaw("R__names.sql", "DROP VIEW IF EXISTS names;\nCREATE VIEW names AS SELECT name FROM person;\n");
        info = Cli.run(dir, "info");
        assertTrue(info.out().contains("MISSING  V2__city") && info.out().contains("PENDING  R__names"), info.out());
        assertExit(1, Cli.run(dir, "validate"));
        Files.writeString(v2, v2Text);
        assertExit(0, Cli.run(dir, "migrate"));
        // a changed repeatable is OUTDATED, which is valid: migrate runs it again
        p.writeRaw("R__names.sql", "DROP VIEW IF EXISTS names;\nCREATE VIEW names AS SELECT id, name FROM person;\n");
        info = Cli.run(dir, "info");
        assertTrue(info.out().contains("OUTDATED R__names"), info.out());
        assertExit(0, Cli.run(dir, "validate"));

        // baseline up to a version on a database Covet has not migrated, refused once it has a history
        String other = "jdbc:sqlite:" + dir.resolve("other.db");
        Cli.Result baseline = Cli.run(dir, "--url", other, "baseline", "--version", "1");
        assertExit(0, baseline);
        assertTrue(baseline.out().contains("Baselined V1__person") && !baseline.out().contains("V2__city"),
                baseline.out());
        info = Cli.run(dir, "--url", other, "info");
        assertTrue(info.out().contains("APPLIED  V1__person") && info.out().contains("PENDING  V2__city"), info.out());
        assertEquals("", sqlite(dir.resolve("other.db"), "SELECT name FROM sqlite_schema WHERE name = 'person'"),
                "baseline runs nothing");
        Cli.Result again = Cli.run(dir, "--url", other, "baseline");
        assertExit(1, again);
        assertTrue(again.err().contains("baseline refused"), again.toString());
        Cli.Result unknown = Cli.run(dir, "--url", "jdbc:sqlite:" + dir.resolve("third.db"), "baseline",
                "--version", "7");
        assertExit(1, unknown);
        assertTrue(unknown.err().contains("no migration has version or id 7"), unknown.toString());

        // clean: refused without --yes, refused without clean_enabled, then drops everything
        Cli.Result noYes = Cli.run(dir, "clean");
        assertExit(1, noYes);
        assertTrue(noYes.err().contains("--yes"), noYes.toString());
        Cli.Result notEnabled = Cli.run(dir, "clean", "--yes");
        assertExit(1, notEnabled);
        assertTrue(notEnabled.err().contains("clean_enabled: true"), notEnabled.toString());
        assertFalse(sqlite(dir.resolve("covet.db"), ".tables").isBlank());
        Files.writeString(dir.resolve("covet.yaml"), "clean_enabled: true\n");
        Cli.Result clean = Cli.run(dir, "clean", "--yes");
        assertExit(0, clean);
        // the SQLite dialect manages views: clean drops the view with the tables (sqlite_sequence is SQLite's own)
        assertFalse(clean.err().contains("not dropped"), clean.toString());
        assertEquals("", sqlite(dir.resolve("covet.db"), "SELECT type, name FROM sqlite_schema WHERE name"
                + " NOT LIKE 'sqlite_%'").strip(), "every table and view dropped, the history table too");
    }

    @Test
    void failedMigrationsOnMariadb() throws SQLException {
        try (ServerDatabase db = ServerDatabase.mysql()) {
            Project p = db.project(dir);
            p.writeRaw("V1__person.sql", "CREATE TABLE person (id INT PRIMARY KEY);\n");
            // MariaDB's DDL is not transactional: the first statement stays, the second fails
            p.writeRaw("V2__city.sql", "CREATE TABLE city (id INT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n");
            assertExit(1, Cli.run(dir, "--url", db.url, "migrate"));
            Cli.Result info = Cli.run(dir, "--url", db.url, "info");
            assertTrue(info.out().contains("FAILED   V2__city") && info.out().contains("1 of 2"), info.out());
            assertExit(1, Cli.run(dir, "--url", db.url, "validate"));
            // one operation took effect: repair keeps the row until the user says it is undone
            Cli.Result kept = Cli.run(dir, "--url", db.url, "repair", "--yes");
            assertExit(0, kept);
            assertTrue(kept.out().contains("keep    V2__city"), kept.out());
            assertEquals(List.of("V1__person|APPLIED", "V2__city|FAILED"),
                    db.query("SELECT name, status FROM covet_migrations ORDER BY id"));
            try (var c = db.connect(); var s = c.createStatement()) {
                s.execute("DROP TABLE city");
            }
            assertExit(0, Cli.run(dir, "--url", db.url, "repair", "--yes", "--failed-undone"));
            assertEquals(List.of("V1__person|APPLIED"), db.query("SELECT name, status FROM covet_migrations"));

            // a migration that failed at its first statement took no effect: repair removes its row at once
            p.writeRaw("V2__city.sql", "INSERT INTO no_such_table VALUES (1);\nCREATE TABLE city (id INT PRIMARY KEY);\n");
            assertExit(1, Cli.run(dir, "--url", db.url, "migrate"));
            Cli.Result removed = Cli.run(dir, "--url", db.url, "repair", "--yes");
            assertExit(0, removed);
            assertTrue(removed.out().contains("repair  V2__city: remove the failed row (0 of 2"), removed.out());
            assertEquals(List.of("V1__person|APPLIED"), db.query("SELECT name, status FROM covet_migrations"));
            assertEquals(List.of("person"), db.tables().stream().filter(t -> !t.equals("covet_migrations")).toList());
        }
    }

    static String sqlite(Path file, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sqlite3", file.toString(), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
