package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 18: a name longer than the database keeps (PostgreSQL 63 bytes, MySQL 64 characters) is refused when the
 * migration is loaded, naming file, operation and limit, before anything runs; a name at the limit is accepted.
 */
class ReliabilityIdentifierLimitTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRES", "MYSQL"})
    void aNameOverTheDatabasesLimitIsRefusedAtLoad(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            int limit = kind == Kind.POSTGRES ? 63 : 64;
            // PostgreSQL counts bytes: 32 two-byte letters are 64 bytes; MySQL counts characters
            String tooLong = kind == Kind.POSTGRES ? "é".repeat(32) : "t".repeat(65);
            String atLimit = kind == Kind.POSTGRES ? "t".repeat(63) : "é".repeat(64);
            String id = "20260101_000001_long";
            Path file = write(id, "{\"op\": \"CreateTable\", \"table\": {\"name\": \"" + tooLong + "\", \"columns\":"
                    + " [{\"name\": \"id\", \"type\": \"integer\"}]}}");
            Cli.Result r = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.err().contains(file.getFileName().toString()) && r.err().contains("operation 1 (CreateTable)")
                    && r.err().contains("limit of " + limit) && r.err().contains(tooLong), r.toString());
            assertEquals(List.of(), db.tables(), "nothing created, not even the history table");

            write(id, "{\"op\": \"CreateTable\", \"table\": {\"name\": \"" + atLimit + "\", \"columns\":"
                    + " [{\"name\": \"id\", \"type\": \"integer\"}]}},\n    {\"op\": \"CreateIndex\", \"table\": \""
                    + atLimit + "\", \"index\": {\"name\": \"ix_" + "x".repeat(limit) + "\", \"columns\": [\"id\"]}}");
            r = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.err().contains("operation 2 (CreateIndex)") && r.err().contains("index name"), r.toString());
            assertEquals(List.of(), db.tables());

            write(id, "{\"op\": \"CreateTable\", \"table\": {\"name\": \"" + atLimit + "\", \"columns\":"
                    + " [{\"name\": \"id\", \"type\": \"integer\"}]}}");
            r = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, r.exitCode(), r.toString());
            assertEquals(List.of(atLimit, "covet_migrations"), db.tables().stream().sorted((a, b) ->
                    a.equals("covet_migrations") ? 1 : b.equals("covet_migrations") ? -1 : a.compareTo(b)).toList());
        }
    }

    private Path write(String id, String operations) throws Exception {
        String json = "{\n  \"format\": 1,\n  \"id\": \"" + id + "\",\n  \"app\": \"default\",\n"
                + "  \"dependencies\": [],\n  \"operations\": [\n    " + operations + "\n  ]\n}\n";
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        return Files.writeString(dir.resolve(id + ".json"), json);
    }
}
