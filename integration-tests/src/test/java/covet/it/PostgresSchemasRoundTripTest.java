package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14's acceptance on PostgreSQL, judged by pg_dump, not by Covet's own introspector. For each shared sample
 * schema X: psql loads X into database A; on an empty database B, {@code covet makemigrations --schema X} then
 * {@code covet migrate}; pg_dump of A equals pg_dump of B up to statement order. {@code makemigrations --check
 * --schema X} then finds nothing, and rolling everything back leaves B with exactly what an empty database holds.
 * The same through adoption: the {@code --from-database} baseline of A, migrated on an empty database C, equals A.
 * No RunSQL is written, by the test or by hand.
 */
class PostgresSchemasRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sakila", "chinook", "chinook-autoincrement", "pagila", "tbls-testdata"})
    void makemigrationsFromSqlRebuildsTheSchemaPgDumpEqual(String dataset) throws IOException, java.sql.SQLException {
        Path sql = sharedFile(dataset, "postgres.sql");
        try (ServerDatabase a = ServerDatabase.postgres(); ServerDatabase b = ServerDatabase.postgres();
             ServerDatabase empty = ServerDatabase.postgres()) {
            PgDump.load(a, sql);
            List<String> expected = PgDump.statements(a);
            assertTrue(expected.size() > 20, dataset + " loaded: " + expected.size() + " statements");

            Path project = Files.createDirectories(dir.resolve("b"));
            ok(project, "--url", b.url, "makemigrations", "--schema", sql.toString(), "--name", "initial");
            assertNoRunSql(project);
            ok(project, "--url", b.url, "migrate", "--yes");
            PgDump.assertSame(expected, PgDump.statements(b), dataset + ": makemigrations --schema, migrate");

            Cli.Result check = Cli.run(project, "--url", b.url, "makemigrations", "--check", "--schema",
                    sql.toString());
            assertEquals(0, check.exitCode(), dataset + ": nothing pending after migrate\n" + check);

            rollBackEverything(project, b.url);
            PgDump.assertSame(PgDump.statements(empty), PgDump.statements(b),
                    dataset + ": rollback leaves nothing an empty database lacks");
            assertEquals(List.of("0"), b.query("SELECT count(*) FROM covet_migrations"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sakila", "chinook", "chinook-autoincrement", "pagila", "tbls-testdata"})
    void fromDatabaseBaselineRebuildsTheSchemaPgDumpEqual(String dataset) throws IOException, java.sql.SQLException {
        Path sql = sharedFile(dataset, "postgres.sql");
        try (ServerDatabase a = ServerDatabase.postgres(); ServerDatabase c = ServerDatabase.postgres()) {
            PgDump.load(a, sql);
            Path project = Files.createDirectories(dir.resolve("adopt"));
            ok(project, "--url", a.url, "makemigrations", "--from-database", "--name", "baseline");
            assertNoRunSql(project);
            ok(project, "--url", c.url, "migrate", "--yes");
            PgDump.assertSame(PgDump.statements(a), PgDump.statements(c), dataset + ": --from-database baseline");
        }
    }

    static Path sharedFile(String dataset, String file) {
        Path shared = Servers.sharedSchemas();
        if (shared == null) {
            if (Servers.required("schemas")) {
                fail("../shared/schemas is missing and COVET_TEST_REQUIRE names schemas");
            }
            Assumptions.abort("../shared/schemas not found: PostgreSQL sample-schema round trips skipped");
        }
        return shared.resolve(dataset).resolve(file);
    }

    static Cli.Result ok(Path project, String... args) {
        Cli.Result r = Cli.run(project, args);
        assertEquals(0, r.exitCode(), String.join(" ", args) + "\n" + r);
        return r;
    }

    /** Rolls back one migration at a time until none is applied. */
    static void rollBackEverything(Path project, String url) {
        for (int i = 0; i < 1000; i++) {
            Cli.Result r = ok(project, "--url", url, "rollback", "--yes");
            if (r.out().contains("No migrations to roll back")) {
                return;
            }
        }
        fail("rollback never ended");
    }

    /** The generated migrations hold Covet's own operations only: nothing was pasted in as SQL. */
    static void assertNoRunSql(Path project) throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("migrations"))) {
            for (Path f : files.toList()) {
                assertTrue(!Files.readString(f).contains("\"RunSQL\""), f + " holds no RunSQL");
            }
        }
    }
}
