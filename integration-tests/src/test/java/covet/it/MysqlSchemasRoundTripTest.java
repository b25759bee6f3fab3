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
 * Issue 5's acceptance on MySQL/MariaDB: load a shared sample schema into database A and introspect it; on an empty
 * database B, makemigrations from the same SQL file (run in a scratch database on the server), migrate, introspect:
 * A equals B. A second makemigrations finds nothing; rolling everything back leaves only the history table. The
 * model has a place for everything these files hold, table options and collations included; the same round trip
 * judged by mariadb-dump instead of the introspector is {@link MysqlSchemasDumpRoundTripTest}.
 */
class MysqlSchemasRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sakila", "chinook", "chinook-autoincrement", "tbls-testdata"})
    void makemigrationsFromSqlMigratesToTheSameSchema(String dataset) throws IOException, SQLException {
        Path shared = Servers.sharedSchemas();
        if (shared == null) {
            if (Servers.required("schemas")) {
                fail("../shared/schemas is missing and COVET_TEST_REQUIRE names schemas");
            }
            Assumptions.abort("../shared/schemas not found: MySQL sample-schema round trips skipped");
        }
        Path sql = shared.resolve(dataset).resolve("mysql.sql");
        try (ServerDatabase a = ServerDatabase.mysql(); ServerDatabase b = ServerDatabase.mysql()) {
            try (Connection c = a.connect(); Statement s = c.createStatement()) {
                for (SqlScript.Statement st : a.dialect.splitScript(Files.readString(sql))) {
                    s.execute(st.sql());
                }
            }
            Schema expected = a.project(Files.createDirectories(dir.resolve("a"))).covet().inspect();
            assertTrue(expected.tables().size() >= 5, dataset + " has its tables: " + expected.tables().size());

            Project built = b.project(Files.createDirectories(dir.resolve("b")));
            Covet covet = built.covet();
            Schema desired = covet.desiredSchema(sql, Servers.mysqlUrl());
            assertSameSchema(expected, desired,
                    dataset + " read back from the scratch database");
            Migration initial = covet.makeMigration(desired, "initial", Questioner.NO_RENAMES).orElseThrow();
            covet.writeMigration(initial, "json");
            built.covet().migrate(null, false, r -> { });
            assertSameSchema(expected, built.covet().inspect(), dataset);

            Covet again = built.covet();
            assertEquals(Optional.empty(), again.makeMigration(again.desiredSchema(sql, Servers.mysqlUrl()), null,
                    Questioner.NO_RENAMES).map(Migration::operations), "no phantom change for " + dataset);

            while (!built.covet().rollback(null, false, r -> { }).isEmpty()) {
                // newest first, one migration per call, until nothing is applied
            }
            assertEquals(List.of("covet_migrations"), b.tables(), dataset + ": rollback empties B");
            assertEquals(List.of("0"), b.query("SELECT count(*) FROM covet_migrations"));
            assertEquals(List.of(), b.query("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                    + "WHERE SCHEMA_NAME LIKE 'covet\\_scratch\\_%'"), "the scratch databases are gone");
        }
    }

    private static void assertSameSchema(Schema expected, Schema actual, String dataset) {
        assertEquals(expected.tables().stream().map(Table::name).sorted().toList(),
                actual.tables().stream().map(Table::name).sorted().toList(), dataset + ": tables");
        for (Table t : expected.tables()) {
            assertEquals(t, actual.requireTable(t.name()), dataset + ": table " + t.name());
        }
        assertEquals(expected, actual, dataset);
    }
}
