package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.MalformedMigrationException;
import covet.engine.UnchangedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history's {@code file_hash} and the no-op migrate that parses nothing (issue 20), on SQLite, PostgreSQL and
 * MariaDB. That an unchanged file is not parsed is shown with a file no parser reads: its bytes are replaced by
 * malformed JSON and its row given the hash of those bytes, as if they had been applied. A no-op that parses nothing
 * cannot notice; one that parses fails. The same file with any other recorded hash fails, so the test can fail.
 */
class NoOpParsesNothingTest {
    static final String MALFORMED = "{ this is no JSON migration";

    @TempDir
    Path dir;

    private static String id(int i) {
        return StatementCountTest.id(i);
    }

    private static String hashOf(Project project, String id) throws IOException {
        String name = id + ".json";
        return UnchangedFiles.hash(name, Files.readAllBytes(project.migrations.resolve(name)));
    }

    private static String recordedHash(Project project, String id) {
        return project.query("SELECT file_hash FROM covet_migrations WHERE name = '" + id + "'").get(0);
    }

    /** Applies three migrations, then checks each row's file_hash is its file's and that a no-op parses nothing. */
    private static void unchangedFileIsNotParsed(Project project) throws IOException {
        StatementCountTest.write(project, 1, 3);
        assertEquals(3, project.covet().migrate().size());
        for (int i = 1; i <= 3; i++) {
            assertEquals(hashOf(project, id(i)), recordedHash(project, id(i)), "file_hash of " + id(i));
        }

        project.writeRaw(id(2) + ".json", MALFORMED);
        project.execute("UPDATE covet_migrations SET file_hash = '" + hashOf(project, id(2)) + "' WHERE name = '"
                + id(2) + "'");
        assertTrue(project.covet().migrate().isEmpty(), "a no-op whose hashes all match parses no file");

        // the control: the same bytes recorded under another hash are parsed, and fail as malformed
        project.execute("UPDATE covet_migrations SET file_hash = 'other' WHERE name = '" + id(2) + "'");
        MalformedMigrationException e = assertThrows(MalformedMigrationException.class,
                () -> project.covet().migrate());
        assertTrue(e.getMessage().contains(id(2)), e.getMessage());
    }

    /**
     * A re-formatted file (other bytes, the same operations) is parsed once: its canonical checksum still matches,
     * so nothing is refused, and its new hash is recorded for the next no-op.
     */
    private static void reformattedFileIsParsedOnceAndItsHashRecorded(Project project) throws IOException {
        StatementCountTest.write(project, 1, 2);
        assertEquals(2, project.covet().migrate().size());
        Path file = project.migrations.resolve(id(2) + ".json");
        String before = recordedHash(project, id(2));
        Files.writeString(file, "\n\n" + Files.readString(file).replace("\n", "\n  "), StandardCharsets.UTF_8);
        assertTrue(project.covet().migrate().isEmpty());
        String after = recordedHash(project, id(2));
        assertTrue(!after.equals(before), "the re-formatted file's hash is recorded");
        assertEquals(hashOf(project, id(2)), after);
    }

    /**
     * A history table created before file_hash existed is read by the readers as it is, and gains the column (the
     * contract's columns kept) on the next migrate, which records the hashes of the applied files.
     */
    private static void olderHistoryTableGainsTheColumn(Project project, List<String> columnsBefore,
                                                        java.util.function.Supplier<List<String>> columns)
            throws IOException {
        StatementCountTest.write(project, 1, 2);
        project.covet().migrate();
        project.execute("ALTER TABLE covet_migrations DROP COLUMN file_hash");
        assertTrue(!columns.get().contains("file_hash"));
        assertEquals(2, project.covet().status().size(), "an older table reads as it is");
        StatementCountTest.write(project, 3, 3);
        assertEquals(1, project.covet().migrate().size());
        List<String> after = columns.get();
        assertTrue(after.containsAll(List.of("id", "name", "app", "applied_at", "checksum", "file_hash")), after.toString());
        assertTrue(after.containsAll(columnsBefore), after.toString());
        for (int i = 1; i <= 3; i++) {
            assertEquals(hashOf(project, id(i)), recordedHash(project, id(i)), "file_hash of " + id(i));
        }
    }

    private static List<String> sqliteColumns(Project project) {
        return project.query("SELECT name FROM pragma_table_info('covet_migrations')");
    }

    @Test
    void sqlite() throws IOException {
        unchangedFileIsNotParsed(Project.sqlite(dir.resolve("a")));
        reformattedFileIsParsedOnceAndItsHashRecorded(Project.sqlite(dir.resolve("b")));
        Project old = Project.sqlite(dir.resolve("c"));
        old.covet().migrate();
        List<String> before = sqliteColumns(old);
        olderHistoryTableGainsTheColumn(old, before, () -> sqliteColumns(old));
    }

    @Test
    void sqliteCliNoOpPrintsNoMigrationsWithoutParsing() throws IOException {
        Project project = Project.sqlite(dir);
        StatementCountTest.write(project, 1, 2);
        Cli.Result first = Cli.run(dir, Map.of(), "migrate", "--url", project.url);
        assertEquals(0, first.exitCode(), first.toString());
        project.writeRaw(id(2) + ".json", MALFORMED);
        project.execute("UPDATE covet_migrations SET file_hash = '" + hashOf(project, id(2)) + "' WHERE name = '"
                + id(2) + "'");
        Cli.Result noOp = Cli.run(dir, Map.of(), "migrate", "--url", project.url);
        assertEquals(0, noOp.exitCode(), noOp.toString());
        assertTrue(noOp.out().contains("No migrations to apply."), noOp.toString());
        project.execute("UPDATE covet_migrations SET file_hash = NULL WHERE name = '" + id(2) + "'");
        Cli.Result parsed = Cli.run(dir, Map.of(), "migrate", "--url", project.url);
        assertEquals(1, parsed.exitCode(), parsed.toString());
        assertTrue(parsed.err().contains(id(2)), parsed.toString());
    }

    @Test
    void postgresql() throws Exception {
        for (String part : List.of("a", "b", "c")) {
            try (ServerDatabase db = ServerDatabase.postgres()) {
                Project project = db.project(dir.resolve(part));
                run(part, project, db);
            }
        }
    }

    @Test
    void mariadb() throws Exception {
        for (String part : List.of("a", "b", "c")) {
            try (ServerDatabase db = ServerDatabase.mysql()) {
                Project project = db.project(dir.resolve(part));
                run(part, project, db);
            }
        }
    }

    private static void run(String part, Project project, ServerDatabase db) throws IOException {
        switch (part) {
            case "a" -> unchangedFileIsNotParsed(project);
            case "b" -> reformattedFileIsParsedOnceAndItsHashRecorded(project);
            default -> {
                project.covet().migrate();
                olderHistoryTableGainsTheColumn(project, db.columns("covet_migrations"),
                        () -> db.columns("covet_migrations"));
            }
        }
    }
}
