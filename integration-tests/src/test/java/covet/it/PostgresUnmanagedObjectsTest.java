package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing silently dropped: a schema file holding objects Covet does not manage (an aggregate, a row-level security
 * policy, a rule) makes makemigrations name each of them; {@code --strict} turns that into exit 1 and writes nothing.
 */
class PostgresUnmanagedObjectsTest {
    private static final String SCHEMA = """
            CREATE TABLE account (id integer PRIMARY KEY, owner text NOT NULL);
            CREATE AGGREGATE longest(text) (SFUNC = textcat, STYPE = text);
            ALTER TABLE account ENABLE ROW LEVEL SECURITY;
            CREATE POLICY own_rows ON account USING (owner = current_user);
            CREATE RULE no_delete AS ON DELETE TO account DO INSTEAD NOTHING;
            """;

    @TempDir
    Path dir;

    @Test
    void makemigrationsNamesEachUnmanagedObjectAndStrictFails() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.sql"), SCHEMA);
        try (ServerDatabase db = ServerDatabase.postgres()) {
            Path strictProject = Files.createDirectories(dir.resolve("strict"));
            Cli.Result strict = Cli.run(strictProject, "--url", db.url, "makemigrations", "--strict", "--schema",
                    schema.toString());
            assertEquals(1, strict.exitCode(), strict.toString());
            for (String name : new String[] {"longest", "own_rows", "no_delete"}) {
                assertTrue(strict.err().lines().anyMatch(l -> l.contains("does not manage") && l.contains(name)),
                        name + " is named\n" + strict);
            }
            Path written = strictProject.resolve("migrations");
            if (Files.isDirectory(written)) {
                try (var files = Files.list(written)) {
                    assertEquals(0, files.count(), "--strict writes nothing");
                }
            }

            Path project = Files.createDirectories(dir.resolve("lenient"));
            Cli.Result lenient = Cli.run(project, "--url", db.url, "makemigrations", "--schema", schema.toString());
            assertEquals(0, lenient.exitCode(), lenient.toString());
            assertEquals(3, lenient.err().lines().filter(l -> l.contains("does not manage")).count(),
                    "one warning line per object\n" + lenient);
        }
    }
}
