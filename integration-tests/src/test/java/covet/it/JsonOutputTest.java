package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command's {@code --json} output is one document that parses and has the fields docs/cli-json.md lists. */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(Path project, int expectedExit, String... args) throws IOException {
        Cli.Result r = Cli.run(project, args);
        assertEquals(expectedExit, r.exitCode(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertTrue(doc.isObject(), r.out());
        assertEquals(1, doc.get("covetJson").asInt(), r.out());
        assertTrue(doc.get("command").isTextual(), r.out());
        assertEquals(expectedExit == 0, doc.get("ok").asBoolean(), r.out());
        if (doc.has("error")) {
            JsonNode error = doc.get("error");
            assertTrue(error.get("type").isTextual() && error.get("message").isTextual(), r.out());
            assertEquals(expectedExit, error.get("exitCode").asInt());
        }
        return doc;
    }

    private static void assertFields(JsonNode node, String... fields) {
        for (String f : fields) {
            assertTrue(node.has(f), "field " + f + " in " + node);
        }
    }

    @Test
    void everyCommandPrintsOneValidDocument() throws IOException {
        Path blog = dir.resolve("blog");
        Files.createDirectories(blog.resolve("migrations"));
        try (var m = Files.list(Servers.repo().resolve("examples/blog/migrations"))) {
            for (Path p : m.toList()) {
                Files.copy(p, blog.resolve("migrations").resolve(p.getFileName()));
            }
        }
        JsonNode show = run(blog, 0, "showmigrations", "--json");
        assertEquals(2, show.get("migrations").size());
        assertFields(show.get("migrations").get(0), "id", "app", "state", "operationsApplied", "operationsTotal");
        assertEquals("PENDING", show.get("migrations").get(0).get("state").asText());

        JsonNode script = run(blog, 0, "migrate", "--sql", "--json");
        assertTrue(script.get("script").size() > 2);

        JsonNode migrate = run(blog, 0, "migrate", "--json");
        assertEquals("migrate", migrate.get("command").asText());
        assertEquals(2, migrate.get("results").size());
        assertFields(migrate.get("results").get(0), "id", "app", "direction", "fake", "statements", "millis");

        JsonNode sql = run(blog, 0, "sqlmigrate", "20261124_100100_create_posts", "--json");
        assertFields(sql, "id", "backwards", "statements");

        JsonNode inspect = run(blog, 0, "inspect", "--json");
        assertEquals(2, inspect.get("tables").size());
        assertFields(inspect.get("tables").get(0), "name", "columns");
        assertTrue(inspect.get("tables").get(0).get("columns").get(0).get("type").isTextual());

        JsonNode plugins = run(blog, 0, "plugins", "--json");
        assertTrue(plugins.get("plugins").size() >= 4);
        assertFields(plugins.get("plugins").get(0), "kind", "name", "module", "version", "location");

        Path sqlFile = Files.writeString(blog.resolve("s.sql"), "CREATE TABLE extra (id INTEGER PRIMARY KEY);");
        JsonNode make = run(blog, 1, "makemigrations", "--check", "--json", "--schema", sqlFile.toString());
        assertTrue(make.get("changes").asBoolean());
        assertFields(make.get("migration"), "id", "app", "operations");

        JsonNode squash = run(blog, 0, "squash", "20261124_100000_create_users", "20261124_100100_create_posts",
                "--dry-run", "--json");
        assertEquals(2, squash.get("replaces").size());
        assertFields(squash.get("migration"), "id", "app", "operations");

        JsonNode merge = run(blog, 0, "makemigrations", "--merge", "--json");
        assertTrue(merge.get("merge").isNull(), "one leaf: nothing to merge");

        JsonNode rollback = run(blog, 0, "rollback", "--yes", "--json");
        assertEquals("REVERT", rollback.get("results").get(0).get("direction").asText());
    }

    @Test
    void failuresCarryTheirFields() throws IOException {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/20260101_000000_bad.json"), "{\n  \"format\": 1,\n  oops\n}\n");
        JsonNode broken = run(dir, 1, "migrate", "--json");
        JsonNode error = broken.get("error");
        assertTrue(error != null && error.get("type").isTextual(), broken.toString());
        assertEquals(3, error.get("line").asInt(), broken.toString());
        assertTrue(error.get("file").asText().endsWith("20260101_000000_bad.json"));

        JsonNode usage = run(dir, 2, "migrate", "--no-such-option", "--json");
        assertEquals("UsageError", usage.get("error").get("type").asText());
    }

    @Test
    void standardOutputHoldsNothingButTheDocument() throws IOException {
        Cli.Result r = Cli.run(dir, "migrate", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode doc = JSON.readTree(r.out());
        assertFalse(r.out().contains("No migrations"), r.out());
        Iterator<String> names = doc.fieldNames();
        assertEquals(List.of("covetJson", "command", "ok"), List.of(names.next(), names.next(), names.next()));
    }
}
