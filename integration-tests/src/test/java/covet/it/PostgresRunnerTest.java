package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.engine.MigrationStatus;
import covet.engine.run.ChecksumMismatchException;
import covet.engine.run.MigrationResult;
import covet.engine.run.StatementFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on a real PostgreSQL server through the engine's front door: transactional DDL (a migration and its
 * history row commit together or not at all) and the advisory lock (two deployers at once apply each migration
 * once). Each test works in a database of its own.
 */
class PostgresRunnerTest {
    static final String M1 = "20260101_000001_users";
    static final String M2 = "20260101_000002_posts";
    static final String USERS = Project.createTable("users", Project.ID
            + ", {\"name\": \"email\", \"type\": \"varchar(100)\", \"nullable\": false}",
            "\"indexes\": [{\"name\": \"ix_users_email\", \"columns\": [\"email\"], \"unique\": true}]");
    static final String POSTS = Project.createTable("posts", Project.ID
            + ", {\"name\": \"user_id\", \"type\": \"integer\", \"nullable\": false}",
            "\"foreignKeys\": [{\"name\": \"fk_posts_user\", \"columns\": [\"user_id\"], \"references\": "
                    + "{\"table\": \"users\", \"columns\": [\"id\"]}, \"onDelete\": \"CASCADE\"}]");

    @TempDir
    Path dir;
    ServerDatabase db;
    Project project;

    @BeforeEach
    void setUp() {
        db = ServerDatabase.postgres();
        project = db.project(dir);
        project.write(M1, List.of(), USERS);
        project.write(M2, List.of(M1), POSTS);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void concurrentIndexRunsOutsideATransactionAloneInItsMigration() {
        String index = "{\"op\": \"CreateIndex\", \"table\": \"posts\", \"concurrently\": true, \"index\": "
                + "{\"name\": \"ix_posts_user\", \"columns\": [\"user_id\"]}}";
        project.write("20260101_000003_index", List.of(M2), index);
        List<String> sql = new ArrayList<>();
        project.covet().migrate(null, false, r -> sql.addAll(r.statements()));
        assertTrue(sql.contains("CREATE INDEX CONCURRENTLY \"ix_posts_user\" ON \"posts\" (\"user_id\")"), sql.toString());
        assertEquals(List.of("t"), db.query("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = "
                + "i.indexrelid WHERE c.relname = 'ix_posts_user'"));
        assertEquals(List.of("APPLIED|1"), db.query("SELECT status, operations_applied FROM covet_migrations "
                + "WHERE name = '20260101_000003_index'"));
        project.covet().rollback(null, false, r -> sql.addAll(r.statements()));
        assertTrue(sql.stream().anyMatch(s -> s.startsWith("DROP INDEX CONCURRENTLY")), sql.toString());
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM pg_class WHERE relname = 'ix_posts_user'"));

        project.write("20260101_000004_mixed", List.of("20260101_000003_index"), index,
                Project.createTable("tags", Project.ID, ""));
        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> project.covet().migrate(null, false, r -> { }));
        assertTrue(e.getMessage().contains("must be the only operation of its migration"), e.getMessage());
        assertTrue(!db.tables().contains("tags"), "nothing of the mixed migration ran");
    }

    @Test
    void migrateThenRollbackTwiceLeavesOnlyTheHistoryTable() {
        List<String> seen = new ArrayList<>();
        project.covet().migrate(null, false, r -> seen.add(r.id()));
        assertEquals(List.of(M1, M2), seen);
        assertEquals(List.of("covet_migrations", "posts", "users"), db.tables());
        assertEquals(List.of(M1 + "|default|APPLIED|1|1|64", M2 + "|default|APPLIED|1|1|64"),
                db.query("SELECT name, app, status, operations_applied, operations_total, length(checksum) "
                        + "FROM covet_migrations ORDER BY id"));
        assertTrue(project.covet().migrate(null, false, r -> { }).isEmpty(), "a second run has nothing to do");
        assertEquals(List.of(MigrationStatus.APPLIED, MigrationStatus.APPLIED),
                project.covet().status().stream().map(MigrationStatus::state).toList());
        assertEquals(List.of("fk_posts_user|CASCADE"), db.query("SELECT constraint_name, delete_rule "
                + "FROM information_schema.referential_constraints"));

        assertEquals(List.of(M2), project.covet().rollback(null, false, r -> { }).stream()
                .map(MigrationResult::id).toList());
        assertEquals(List.of("covet_migrations", "users"), db.tables());
        project.covet().rollback(null, false, r -> { });
        assertEquals(List.of("covet_migrations"), db.tables());
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM covet_migrations"));
        assertTrue(project.covet().rollback(null, false, r -> { }).isEmpty());
    }

    @Test
    void aFailingThirdOperationLeavesNoTraceOfTheFirstTwoAndNamesMigrationOperationAndSql() {
        project.covet().migrate(null, false, r -> { });
        String m3 = "20260101_000003_broken";
        String failing = "INSERT INTO no_such_table VALUES (1)";
        project.write(m3, List.of(M2), Project.createTable("tags", Project.ID, ""),
                "{\"op\": \"AddColumn\", \"table\": \"users\", \"column\": {\"name\": \"nickname\", "
                        + "\"type\": \"varchar(30)\"}}",
                "{\"op\": \"RunSQL\", \"sql\": [\"" + failing + "\"], \"reverseSql\": []}");

        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> project.covet().migrate(null, false, r -> { }));
        assertEquals(m3, e.migrationId());
        assertEquals(3, e.operationIndex());
        assertEquals(failing, e.sql());
        assertTrue(e.getMessage().contains(m3) && e.getMessage().contains("operation 3 of 3")
                && e.getMessage().contains("RunSQL") && e.getMessage().contains(failing), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_table"), "the server's own error is kept: " + e.getMessage());

        assertEquals(List.of("covet_migrations", "posts", "users"), db.tables(), "no table tags");
        assertEquals(List.of("id", "email"), db.columns("users"), "no column nickname");
        assertEquals(List.of(M1, M2), db.query("SELECT name FROM covet_migrations ORDER BY id"), "no history row");
        assertEquals(List.of(MigrationStatus.APPLIED, MigrationStatus.APPLIED, MigrationStatus.PENDING),
                project.covet().status().stream().map(MigrationStatus::state).toList());
    }

    @Test
    void twoConcurrentMigrateRunsApplyEveryMigrationExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>(List.of(M1, M2));
        for (int i = 1; i <= 20; i++) {
            String id = String.format("20260102_0000%02d_t%02d", i, i);
            // the pause widens the window in which the other run wants the lock; no assertion depends on time
            project.write(id, List.of(ids.get(ids.size() - 1)),
                    Project.createTable(String.format("t%02d", i), Project.ID, ""),
                    "{\"op\": \"RunSQL\", \"sql\": [\"SELECT pg_sleep(0.02)\"], \"reverseSql\": []}");
            ids.add(id);
        }
        List<String> applied = runConcurrently(project);
        assertEquals(22, applied.size(), "each migration applied by exactly one of the runs: " + applied);
        assertEquals(ids, applied.stream().sorted().toList());
        assertEquals(ids, db.query("SELECT name FROM covet_migrations ORDER BY name"));
        assertEquals(List.of("22|22"), db.query("SELECT count(*), count(DISTINCT name) FROM covet_migrations"));
        assertEquals(23, db.tables().size(), db.tables().toString());
    }

    /** Two threads, each with its own Covet instance, start migrate together; returns every id either applied. */
    static List<String> runConcurrently(Project project) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<MigrationResult>>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var covet = project.covet();
                runs.add(pool.submit(() -> {
                    start.await();
                    return covet.migrate(null, false, r -> { });
                }));
            }
            List<String> applied = new ArrayList<>();
            for (Future<List<MigrationResult>> run : runs) {
                run.get().forEach(r -> applied.add(r.id()));
            }
            return applied;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aChangedAppliedMigrationStopsTheRunNamingTheFile() throws IOException {
        project.covet().migrate(null, false, r -> { });
        Path file = project.migrations.resolve(M1 + ".json");
        Files.writeString(file, Files.readString(file).replace("varchar(100)", "varchar(120)"));
        project.write("20260101_000003_more", List.of(M2), Project.createTable("more", Project.ID, ""));
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> project.covet().migrate(null, false, r -> { }));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(M1), e.getMessage());
        assertFalse(db.tables().contains("more"), "nothing was applied after the mismatch");
        assertEquals(List.of("2"), db.query("SELECT count(*) FROM covet_migrations"));
    }
}
