package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import covet.api.model.ForeignKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.AddForeignKey;
import covet.api.operation.CreateTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real-world DDL: load a sample schema into database A, introspect it, build database B from that model with the
 * renderer alone (tables first, foreign keys after), and require the two introspections to be equal.
 */
class MysqlSampleSchemasTest {

    static Path schemasDir() {
        String shared = System.getenv("COVET_SHARED_DIR");
        Path dir = shared == null ? null : Path.of(shared, "schemas");
        if (dir == null || !Files.isDirectory(dir)) {
            String required = System.getenv("COVET_TEST_REQUIRE");
            if (required != null && required.toLowerCase(Locale.ROOT).contains("schemas")) {
                Assertions.fail("sample schemas not found at " + dir + " but COVET_TEST_REQUIRE names schemas");
            }
            Assumptions.abort("sample schemas not found at " + dir + " (COVET_SHARED_DIR): tests skipped");
        }
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chinook", "chinook-autoincrement", "sakila", "tbls-testdata"})
    void sampleSchemaRoundTrips(String dataset) throws IOException, SQLException {
        Path file = schemasDir().resolve(dataset).resolve("mysql.sql");
        List<String> statements = MysqlScript.split(Files.readString(file, StandardCharsets.UTF_8)).stream()
                .map(covet.api.sql.SqlScript.Statement::sql).toList();
        try (MysqlTestDatabase a = MysqlTestDatabase.create(); MysqlTestDatabase b = MysqlTestDatabase.create()) {
            Schema loaded;
            try (Connection c = a.connect()) {
                for (String sql : statements) {
                    a.execute(c, sql);
                }
                loaded = a.introspect(c);
            }
            assertFalse(loaded.tables().isEmpty(), dataset + " loaded no tables");
            SchemaAssert.assertSameSchema(loaded, a.dialect.normalize(loaded),
                    dataset + ": the normaliser leaves an introspected schema alone");
            Schema rebuilt;
            try (Connection c = b.connect()) {
                Schema state = Schema.EMPTY;
                for (Table t : loaded.tables()) {
                    state = b.apply(c, new CreateTable(t.withForeignKeys(List.of())), state);
                }
                for (Table t : loaded.tables()) {
                    for (ForeignKey fk : t.foreignKeys()) {
                        state = b.apply(c, new AddForeignKey(t.name(), fk), state);
                    }
                }
                rebuilt = b.introspect(c);
            }
            SchemaAssert.assertSameSchema(loaded, rebuilt, dataset + ": A (loaded) vs B (rebuilt by covet)");
            assertEquals(loaded, rebuilt);
        }
    }
}
