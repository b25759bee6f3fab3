package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL format as a plugin jar of the distribution: {@code covet plugins} lists it; a distribution without its jar
 * still runs JSON projects; {@code makemigrations --format sql} writes an up/down pair that migrates and rolls back
 * (checked with the sqlite3 shell).
 */
class SqlFormatPluginTest {
    @TempDir
    Path dir;

    private static void assertExit(int code, Cli.Result r) {
        assertEquals(code, r.exitCode(), r.toString());
    }

    @Test
    void pluginsListTheSqlFormatAndJsonProjectsRunWithoutItsJar() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Cli.Result plugins = Cli.run(project, "plugins");
        assertExit(0, plugins);
        assertTrue(plugins.out().lines().anyMatch(l -> l.matches("format \\(read\\)\\s+sql\\s+covet\\.format\\.sql.*")),
                plugins.out());
        assertTrue(plugins.out().lines().anyMatch(l -> l.matches("format \\(write\\)\\s+sql\\s+covet\\.format\\.sql.*")),
                plugins.out());

        PluginDistribution dist = PluginDistribution.copy(dir);
        try (Stream<Path> lib = Files.list(dist.home.resolve("lib"))) {
            Path jar = lib.filter(p -> p.getFileName().toString().startsWith("covet-format-sql")).findFirst()
                    .orElseThrow();
            Files.delete(jar);
        }
        Project p = Project.sqlite(project);
        p.write("20260101_000000_people", List.of(), Project.createTable("people", Project.ID, ""));
        Cli.Result without = dist.run(project, "plugins");
        assertExit(0, without);
        assertFalse(without.out().contains("covet.format.sql"), without.out());
        assertExit(0, dist.run(project, "migrate"));
        Cli.Result show = dist.run(project, "showmigrations");
        assertTrue(show.out().contains("APPLIED  20260101_000000_people"), show.toString());

        // a Flyway file in a project without the SQL format is named, never left out without a word
        Files.writeString(p.migrations.resolve("V2__more.sql"), "CREATE TABLE more (id INTEGER);\n");
        Cli.Result unread = dist.run(project, "showmigrations");
        assertExit(0, unread);
        assertTrue(unread.err().contains("V2__more.sql is not read: no installed format reads .sql files"),
                unread.toString());
    }

    @Test
    void makemigrationsWritesAnUpDownPair() throws IOException, InterruptedException {
        Project p = Project.sqlite(dir);
        Path ddl = Files.writeString(dir.resolve("schema.sql"),
                "CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
                        + "CREATE INDEX people_name ON people (name);\n");
        Cli.Result preview = Cli.run(dir, "makemigrations", "--schema", ddl.toString(), "--format", "sql", "--name",
                "people", "--dry-run");
        assertExit(0, preview);
        assertTrue(preview.out().contains("_people.up.sql\nCREATE TABLE") && preview.out().contains("_people.down.sql"),
                preview.out());
        try (Stream<Path> none = Files.list(p.migrations)) {
            assertFalse(none.findAny().isPresent(), "a dry run writes nothing");
        }
        Cli.Result made = Cli.run(dir, "makemigrations", "--schema", ddl.toString(), "--format", "sql", "--name",
                "people");
        assertExit(0, made);
        List<String> files;
        try (Stream<Path> list = Files.list(p.migrations)) {
            files = list.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.get(0).endsWith("_people.down.sql") && files.get(1).endsWith("_people.up.sql"),
                files.toString());
        String up = Files.readString(p.migrations.resolve(files.get(1)));
        assertTrue(up.contains("CREATE TABLE") && up.contains("people_name"), up);

        assertExit(0, Cli.run(dir, "migrate"));
        assertEquals("people", FlywayVerbsCliTest.sqlite(dir.resolve("covet.db"),
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'people'").strip());
        assertEquals("people_name", FlywayVerbsCliTest.sqlite(dir.resolve("covet.db"),
                "SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'people_name'").strip());
        assertExit(0, Cli.run(dir, "validate"));
        assertExit(0, Cli.run(dir, "rollback", "--yes"));
        assertEquals("", FlywayVerbsCliTest.sqlite(dir.resolve("covet.db"),
                "SELECT name FROM sqlite_schema WHERE name IN ('people', 'people_name')").strip());
    }
}
