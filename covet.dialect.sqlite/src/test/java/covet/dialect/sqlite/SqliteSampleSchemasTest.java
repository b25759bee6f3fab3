package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.CreateTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * Real-world DDL from ../shared/schemas: the introspector reads every table, and re-creating the introspected model in
 * a second file introspects equal.
 */
class SqliteSampleSchemasTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"chinook", "chinook-autoincrement", "sakila", "tbls-testdata"})
    void loadIntrospectRecreateCompare(String dataset) throws Exception {
        Path ddl = sharedDir().resolve("schemas").resolve(dataset).resolve("sqlite.sql");
        if (!Files.isRegularFile(ddl)) {
            missing(ddl + " is absent");
        }
        try (SqliteTestDb source = new SqliteTestDb(dir.resolve(dataset + "-a.db"));
             SqliteTestDb copy = new SqliteTestDb(dir.resolve(dataset + "-b.db"))) {
            source.connection.unwrap(SQLiteConnection.class).getDatabase()._exec(Files.readString(ddl));
            source.connection.commit();
            Schema introspected = source.introspect();

            List<String> expectedTables = strings(source, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite%' ORDER BY name");
            assertEquals(expectedTables, introspected.tables().stream().map(Table::name).toList());
            assertEquals(count(source, "SELECT count(DISTINCT m.name || '.' || f.id) FROM sqlite_schema m"
                    + " JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'"),
                    introspected.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum(), "foreign keys");
            assertEquals(count(source, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"),
                    introspected.tables().stream().mapToInt(t -> t.indexes().size()).sum(), "indexes");
            assertEquals(count(source, "SELECT count(*) FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) c"
                    + " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%'"),
                    introspected.tables().stream().mapToInt(t -> t.columns().size()).sum(), "columns");

            Schema s = Schema.EMPTY;
            for (Table t : introspected.tables()) {
                s = copy.apply(s, new CreateTable(t));
            }
            assertEquals(introspected, copy.introspect(), dataset + " re-created from its introspection");
            assertEquals(introspected, copy.dialect.normalize(introspected), "normalize is the identity here");
        }
    }

    private static Path sharedDir() {
        String env = System.getenv("COVET_SHARED_DIR");
        if (env == null || env.isBlank()) {
            missing("COVET_SHARED_DIR is not set");
        }
        return Path.of(env);
    }

    private static void missing(String why) {
        String require = System.getenv().getOrDefault("COVET_TEST_REQUIRE", "");
        if (List.of(require.split(",")).contains("schemas")) {
            fail("sample schemas required (COVET_TEST_REQUIRE) but " + why);
        }
        Assumptions.abort("sample schemas not available (" + why + "): tests skipped");
    }

    private static List<String> strings(SqliteTestDb db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.connection.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int count(SqliteTestDb db, String sql) throws SQLException {
        return (int) SqliteTestDb.count(db.scalar(sql));
    }
}
