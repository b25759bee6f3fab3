package covet.dialect.postgres;

import static covet.dialect.postgres.SchemaAssertions.assertSameSchema;
import static org.junit.jupiter.api.Assertions.assertFalse;

import covet.api.model.Schema;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.api.operation.RunSQL;
import covet.api.sql.SqlScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real-world schemas: load one into database A, introspect, re-create every introspected table and object in
 * database B with the renderer (in the engine's order: see {@link ModelReplay}), introspect B: both are equal. What
 * the model does not hold is listed, never hidden. A dataset name ending in {@code +extras} also loads the extras
 * file (views, functions, triggers) after the core one.
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
    @ValueSource(strings = {"chinook", "chinook-autoincrement", "sakila", "pagila", "tbls-testdata",
            "sakila+extras", "pagila+extras", "tbls-testdata+extras"})
    void introspectRecreateIntrospectIsEqual(String dataset) throws Exception {
        String name = dataset.replace("+extras", "");
        Path dir = sharedSchemas().resolve(name);
        String ddl = Files.readString(dir.resolve("postgres.sql"), StandardCharsets.UTF_8);
        String extras = dataset.endsWith("+extras")
                ? Files.readString(dir.resolve("postgres-extras.sql"), StandardCharsets.UTF_8) : null;
        try (PostgresTestDatabase a = PostgresTestDatabase.create();
             PostgresTestDatabase b = PostgresTestDatabase.create()) {
            // a connection of its own: the files change session settings (search_path, string escapes)
            try (Connection loader = a.connect(); Statement st = loader.createStatement()) {
                st.execute(ddl);
                if (extras != null) {
                    st.execute(extras);
                }
            }
            Schema original;
            try (Connection ca = a.connect()) {
                original = PostgresTestDatabase.DIALECT.introspector().introspect(ca);
                System.out.println(dataset + ": " + original.tables().size() + " tables, "
                        + original.objects().size() + " objects; not modelled: " + PostgresUnmanagedQuery.list(ca));
            }
            assertFalse(original.tables().isEmpty(), dataset + " loaded no table");
            assertSameSchema(original, PostgresTestDatabase.DIALECT.normalize(original),
                    dataset + ": normalize(introspected) changes nothing");

            try (Connection cb = b.connect()) {
                Migrator m = new Migrator(cb, Schema.EMPTY);
                List<Operation> ops = new ArrayList<>(ModelReplay.operations(original));
                if (extras != null) {
                    // aggregates are not managed (unmanaged() lists them): created by hand, as a user would,
                    // once the functions they call exist and before the views that call them
                    List<String> aggregates = PostgresScript.split(extras).stream().map(SqlScript.Statement::sql)
                            .filter(sql -> sql.startsWith("CREATE AGGREGATE")).toList();
                    int tables = ops.indexOf(ops.stream().filter(o -> o instanceof CreateTable).findFirst()
                            .orElseThrow());
                    if (!aggregates.isEmpty()) {
                        ops.add(tables, new RunSQL(aggregates, List.of()));
                    }
                }
                for (Operation op : ops) {
                    m.apply(op);
                }
                assertSameSchema(original, m.introspect(), dataset + ": re-created in a second database");
            }
        }
    }
}
