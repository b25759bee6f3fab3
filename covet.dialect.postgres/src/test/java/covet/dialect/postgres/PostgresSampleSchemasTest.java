package covet.dialect.postgres;

import static covet.dialect.postgres.SchemaAssertions.assertSameSchema;
import static org.junit.jupiter.api.Assertions.assertFalse;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.AddForeignKey;
import covet.api.operation.CreateTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real-world schemas: load one into database A, introspect, re-create every introspected table in database B with
 * the renderer (tables first, foreign keys after), introspect B: both are equal. Enums, domains and extensions are
 * copied to B beforehand by test code (a documented gap); what the model flattens is listed, never hidden.
 */
class PostgresSampleSchemasTest {

    private static Path sharedSchemas() {
        String dir = System.getenv("COVET_SHARED_DIR");
        Path path = dir == null ? null : Path.of(dir, "schemas");
        if (path == null || !Files.isDirectory(path)) {
            String message = "sample schemas not found (COVET_SHARED_DIR=" + dir + "): tests skipped";
            if (PostgresTestDatabase.required("schemas")) {
                Assertions.fail(message.replace("tests skipped", "COVET_TEST_REQUIRE names schemas"));
            }
            Assumptions.abort(message);
        }
        return path;
    }

    @ParameterizedTest
    @ValueSource(strings = {"chinook", "chinook-autoincrement", "sakila", "pagila", "tbls-testdata"})
    void introspectRecreateIntrospectIsEqual(String dataset) throws Exception {
        String ddl = Files.readString(sharedSchemas().resolve(dataset).resolve("postgres.sql"),
                StandardCharsets.UTF_8);
        try (PostgresTestDatabase a = PostgresTestDatabase.create();
             PostgresTestDatabase b = PostgresTestDatabase.create()) {
            // a connection of its own: the files change session settings (search_path, string escapes)
            try (Connection loader = a.connect(); Statement st = loader.createStatement()) {
                st.execute(ddl);
            }
            Schema original;
            List<String> prerequisites;
            try (Connection ca = a.connect()) {
                original = PostgresTestDatabase.DIALECT.introspector().introspect(ca);
                prerequisites = NonModelObjects.creationSql(ca);
                System.out.println(dataset + ": " + original.tables().size() + " tables; not modelled: "
                        + PostgresUnmanagedQuery.list(ca));
            }
            assertFalse(original.tables().isEmpty(), dataset + " loaded no table");
            assertSameSchema(original, PostgresTestDatabase.DIALECT.normalize(original),
                    dataset + ": normalize(introspected) changes nothing");

            try (Connection cb = b.connect()) {
                try (Statement st = cb.createStatement()) {
                    for (String sql : prerequisites) {
                        st.execute(sql);
                    }
                }
                Migrator m = new Migrator(cb, Schema.EMPTY);
                for (Table t : original.tables()) {
                    m.apply(new CreateTable(t.withForeignKeys(List.of())));
                }
                for (Table t : original.tables()) {
                    for (var fk : t.foreignKeys()) {
                        m.apply(new AddForeignKey(t.name(), fk));
                    }
                }
                assertSameSchema(original, m.introspect(), dataset + ": re-created in a second database");
            }
        }
    }
}
