package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.sql.SqlScript;
import covet.engine.Covet;
import covet.engine.questioner.Questioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4's acceptance on SQLite: for each shared sample schema, makemigrations from the SQL file, then migrate,
 * gives a database whose introspected schema equals the file's; a second makemigrations finds nothing; the
 * inspect output fed back finds nothing; rollback empties the database.
 */
class SqliteSchemasRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sakila", "chinook", "chinook-autoincrement", "tbls-testdata"})
    void makemigrationsFromSqlRoundTrips(String dataset) throws IOException, SQLException {
        Path shared = Servers.sharedSchemas();
        if (shared == null) {
            if (Servers.required("schemas")) {
                fail("../shared/schemas is missing and COVET_TEST_REQUIRE names schemas");
            }
            Assumptions.abort("../shared/schemas not found: sample-schema round trips skipped");
        }
        Path sql = shared.resolve(dataset).resolve("sqlite.sql");

        Project loaded = Project.sqlite(Files.createDirectories(dir.resolve("a")));
        Covet a = loaded.covet();
        try (Connection c = a.connect(); Statement s = c.createStatement()) {
            for (SqlScript.Statement st : a.dialect().splitScript(Files.readString(sql))) {
                s.execute(st.sql());
            }
        }
        Schema expected = a.inspect();
        assertTrue(expected.tables().size() >= 5, dataset + " has its tables: " + expected.tables().size());

        Project built = Project.sqlite(Files.createDirectories(dir.resolve("b")));
        Covet b = built.covet();
        Migration m = b.makeMigration(b.desiredSchema(sql, null), "initial", Questioner.NO_RENAMES).orElseThrow();
        b.writeMigration(m, "json");
        Covet fresh = built.covet();
        fresh.migrate(null, false, r -> { });
        Schema actual = fresh.inspect();
        assertSameSchema(expected, actual, dataset);

        assertEquals(Optional.empty(), built.covet().makeMigration(built.covet().desiredSchema(sql, null), null,
                Questioner.NO_RENAMES).map(Migration::operations), "no phantom change for " + dataset);

        Path schemaFile = dir.resolve(dataset + ".json");
        Files.writeString(schemaFile, fresh.registry().writer("json").writeSchema(actual));
        assertEquals(Optional.empty(), built.covet().makeMigration(built.covet().desiredSchema(schemaFile, null), null,
                Questioner.NO_RENAMES).map(Migration::operations), "inspect output fed back gives no change");

        built.covet().rollback(null, false, r -> { });
        assertEquals(List.of("covet_migrations"), built.sqliteTables());
    }

    /** Constraint lists in name order: their order in the catalog carries no meaning. */
    static Table sorted(Table t) {
        java.util.Comparator<String> byName = java.util.Comparator.naturalOrder();
        return t.withIndexes(t.indexes().stream().sorted(java.util.Comparator.comparing(covet.api.model.Index::name,
                        byName)).toList())
                .withUniques(t.uniques().stream().sorted(java.util.Comparator.comparing(
                        covet.api.model.UniqueConstraint::name, byName)).toList())
                .withForeignKeys(t.foreignKeys().stream().sorted(java.util.Comparator.comparing(
                        covet.api.model.ForeignKey::name, byName)).toList())
                .withChecks(t.checks().stream().sorted(java.util.Comparator.comparing(covet.api.model.Check::name,
                        byName)).toList());
    }

    private static void assertSameSchema(Schema expected, Schema actual, String dataset) {
        assertEquals(expected.tables().stream().map(Table::name).sorted().toList(),
                actual.tables().stream().map(Table::name).sorted().toList(), dataset + ": tables");
        for (Table t : expected.tables()) {
            assertEquals(sorted(t), sorted(actual.requireTable(t.name())), dataset + ": table " + t.name());
        }
    }
}
