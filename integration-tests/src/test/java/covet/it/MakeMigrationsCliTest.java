package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** makemigrations and inspect through the launcher on SQLite: write, check, dry run, feed inspect back, errors. */
class MakeMigrationsCliTest {
    @TempDir
    Path project;

    private List<Path> migrationFiles() throws IOException {
        Path dir = project.resolve("migrations");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writesChecksAndFeedsInspectBack() throws IOException {
        Path sql = Files.writeString(project.resolve("schema.sql"), """
                CREATE TABLE authors (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(100) NOT NULL);
                -- a comment; with a semicolon
                CREATE TABLE books (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
                  title VARCHAR(200) NOT NULL DEFAULT 'untitled',
                  CHECK (length(title) > 0)
                );
                CREATE UNIQUE INDEX ux_books_title ON books (author_id, title);
                CREATE INDEX ix_books_recent ON books (id) WHERE id > 100;
                """);
        Cli.Result pending = Cli.run(project, "makemigrations", "--check", "--schema", sql.toString());
        assertEquals(1, pending.exitCode(), pending.toString());
        assertTrue(pending.out().contains("create table authors"), pending.toString());
        assertEquals(List.of(), migrationFiles(), "--check writes nothing");

        Cli.Result dry = Cli.run(project, "makemigrations", "--dry-run", "--schema", sql.toString());
        assertEquals(0, dry.exitCode(), dry.toString());
        assertTrue(dry.out().contains("\"op\": \"CreateTable\""), dry.toString());
        assertEquals(List.of(), migrationFiles(), "--dry-run writes nothing");

        Cli.Result made = Cli.run(project, "makemigrations", "--name", "initial", "--schema", sql.toString());
        assertEquals(0, made.exitCode(), made.toString());
        assertEquals(1, migrationFiles().size());
        assertTrue(migrationFiles().get(0).getFileName().toString().matches("\\d{8}_\\d{6}_initial\\.json"));
        assertTrue(made.out().contains("Wrote "), made.toString());

        Cli.Result none = Cli.run(project, "makemigrations", "--check", "--schema", sql.toString());
        assertEquals(0, none.exitCode(), none.toString());
        assertTrue(none.out().contains("No changes"), none.toString());

        assertEquals(0, Cli.run(project, "migrate").exitCode());
        Project db = Project.sqlite(project);
        assertEquals(List.of("authors", "books", "covet_migrations"), db.sqliteTables());

        Cli.Result inspect = Cli.run(project, "inspect");
        assertEquals(0, inspect.exitCode(), inspect.toString());
        Path schemaFile = Files.writeString(project.resolve("live.json"), inspect.out());
        Cli.Result fedBack = Cli.run(project, "makemigrations", "--check", "--schema", schemaFile.toString());
        assertEquals(0, fedBack.exitCode(), fedBack.toString());

        Cli.Result ddl = Cli.run(project, "inspect", "--format", "sql");
        assertEquals(0, ddl.exitCode(), ddl.toString());
        Path ddlFile = Files.writeString(project.resolve("live.sql"), ddl.out());
        Cli.Result fromDdl = Cli.run(project, "makemigrations", "--check", "--schema", ddlFile.toString());
        assertEquals(0, fromDdl.exitCode(), "inspect --format sql fed back: " + fromDdl + "\n" + ddl.out());

        Files.writeString(sql, Files.readString(sql).replace("name VARCHAR(100) NOT NULL",
                "name VARCHAR(100) NOT NULL, born DATE"));
        Cli.Result added = Cli.run(project, "makemigrations", "--schema", sql.toString());
        assertEquals(0, added.exitCode(), added.toString());
        assertTrue(added.out().contains("add column authors.born"), added.toString());
        assertEquals(2, migrationFiles().size());
        String second = Files.readString(migrationFiles().get(1));
        assertTrue(second.contains(migrationFiles().get(0).getFileName().toString().replace(".json", "")),
                "the new migration depends on the previous one:\n" + second);
    }

    @Test
    void sqlThatTheDatabaseRejectsNamesFileAndLine() throws IOException {
        Path sql = Files.writeString(project.resolve("bad.sql"), "CREATE TABLE a (id INTEGER);\n\nCREATE TABLE b (id INTEGR,, x);\n");
        Cli.Result r = Cli.run(project, "makemigrations", "--schema", sql.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(sql + ":3"), r.toString());
        assertEquals(List.of(), migrationFiles());
    }

    @Test
    void withoutAWantedSchemaItIsBadUsage() {
        Cli.Result r = Cli.run(project, "makemigrations");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--schema"), r.toString());
    }
}
