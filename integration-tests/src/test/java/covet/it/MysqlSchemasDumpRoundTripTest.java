package covet.it;

import static covet.it.PostgresSchemasRoundTripTest.assertNoRunSql;
import static covet.it.PostgresSchemasRoundTripTest.ok;
import static covet.it.PostgresSchemasRoundTripTest.rollBackEverything;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 15's acceptance on MariaDB, judged by mariadb-dump ({@link MariaDbDump}), not by Covet's own introspector.
 * For each shared sample schema X: the mariadb client loads X into database A; on an empty database B,
 * {@code covet makemigrations --schema X} then {@code covet migrate}; the dump of A equals the dump of B (table
 * options, character sets and collations included). {@code makemigrations --check --schema X} then finds nothing,
 * and rolling everything back leaves B with what an empty database holds. The same through adoption: the
 * {@code --from-database} baseline of A, migrated on an empty database C, dumps equal to A. No RunSQL is written.
 */
class MysqlSchemasDumpRoundTripTest {
    @TempDir
    Path dir;

    /** Both paths in one test per schema, so that A is loaded and dumped once. */
    @ParameterizedTest
    @ValueSource(strings = {"sakila", "chinook", "chinook-autoincrement", "tbls-testdata"})
    void makemigrationsAndTheFromDatabaseBaselineRebuildTheSchemaDumpEqual(String dataset)
            throws IOException, java.sql.SQLException {
        Path sql = PostgresSchemasRoundTripTest.sharedFile(dataset, "mysql.sql");
        try (ServerDatabase a = ServerDatabase.mysql(); ServerDatabase b = ServerDatabase.mysql();
             ServerDatabase c = ServerDatabase.mysql(); ServerDatabase empty = ServerDatabase.mysql()) {
            MariaDbDump.load(a, sql);
            List<String> expected = MariaDbDump.statements(a);
            assertTrue(expected.size() >= 5, dataset + " loaded: " + expected.size() + " statements");

            Path project = Files.createDirectories(dir.resolve("b"));
            ok(project, "--url", b.url, "makemigrations", "--schema", sql.toString(), "--name", "initial");
            assertNoRunSql(project);
            ok(project, "--url", b.url, "migrate", "--yes");
            MariaDbDump.assertSame(expected, MariaDbDump.statements(b), dataset + ": makemigrations --schema, migrate");

            Cli.Result check = Cli.run(project, "--url", b.url, "makemigrations", "--check", "--schema",
                    sql.toString());
            assertEquals(0, check.exitCode(), dataset + ": nothing pending after migrate\n" + check);

            rollBackEverything(project, b.url);
            MariaDbDump.assertSame(MariaDbDump.statements(empty), MariaDbDump.statements(b),
                    dataset + ": rollback leaves nothing an empty database lacks");
            assertEquals(List.of("0"), b.query("SELECT count(*) FROM covet_migrations"));

            Path adopt = Files.createDirectories(dir.resolve("adopt"));
            ok(adopt, "--url", a.url, "makemigrations", "--from-database", "--name", "baseline");
            assertNoRunSql(adopt);
            ok(adopt, "--url", c.url, "migrate", "--yes");
            MariaDbDump.assertSame(expected, MariaDbDump.statements(c), dataset + ": --from-database baseline");
        }
    }
}
