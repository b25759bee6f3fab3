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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner on a real MySQL/MariaDB server through the engine's front door. DDL commits statement by statement
 * there, so the history records progress per operation: a migration that fails part way is FAILED at operation k,
 * resumes at k once fixed, and rolls back only what was applied. Each test works in a database of its own.
 */
class MysqlRunnerTest {
    static final String M1 = PostgresRunnerTest.M1;
    static final String M2 = PostgresRunnerTest.M2;
    static final String M3 = "20260101_000003_profile";
    static final String ADD_NICKNAME = "{\"op\": \"AddColumn\", \"table\": \"users\", \"column\": "
            + "{\"name\": \"nickname\", \"type\": \"varchar(30)\"}}";
    static final String CREATE_TAGS = Project.createTable("tags", Project.ID, "");
    /** users already has email: the server refuses this (1060, duplicate column name). */
    static final String ADD_EMAIL_AGAIN = "{\"op\": \"AddColumn\", \"table\": \"users\", \"column\": "
            + "{\"name\": \"email\", \"type\": \"varchar(100)\"}}";

    @TempDir
    Path dir;
    ServerDatabase db;
    Project project;

    @BeforeEach
    void setUp() {
        db = ServerDatabase.mysql();
        project = db.project(dir);
        project.write(M1, List.of(), PostgresRunnerTest.USERS);
        project.write(M2, List.of(M1), PostgresRunnerTest.POSTS);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private List<String> history() {
        return db.query("SELECT name, status, operations_applied, operations_total FROM covet_migrations ORDER BY id");
    }

    @Test
    void migrateThenRollbackTwiceLeavesOnlyTheHistoryTable() {
        List<String> seen = new ArrayList<>();
        project.covet().migrate(null, false, r -> seen.add(r.id()));
        assertEquals(List.of(M1, M2), seen);
        assertEquals(List.of("covet_migrations", "posts", "users"), db.tables());
        assertEquals(List.of(M1 + "|APPLIED|1|1", M2 + "|APPLIED|1|1"), history());
        assertEquals(List.of("64|64"), db.query("SELECT min(length(checksum)), max(length(checksum)) "
                + "FROM covet_migrations"));
        assertTrue(project.covet().migrate(null, false, r -> { }).isEmpty(), "a second run has nothing to do");
        assertEquals(List.of(MigrationStatus.APPLIED, MigrationStatus.APPLIED),
                project.covet().status().stream().map(MigrationStatus::state).toList());
        assertEquals(List.of("fk_posts_user|CASCADE"), db.query("SELECT constraint_name, delete_rule FROM "
                + "information_schema.referential_constraints WHERE constraint_schema = DATABASE()"));

        assertEquals(List.of(M2), project.covet().rollback(null, false, r -> { }).stream()
                .map(MigrationResult::id).toList());
        assertEquals(List.of("covet_migrations", "users"), db.tables());
        project.covet().rollback(null, false, r -> { });
        assertEquals(List.of("covet_migrations"), db.tables());
        assertEquals(List.of(), history());
        assertTrue(project.covet().rollback(null, false, r -> { }).isEmpty());
    }

    /** Applies M1, M2, then M3 whose third operation fails; checks what that leaves. */
    private StatementFailedException failAtTheThirdOperation() {
        project.covet().migrate(null, false, r -> { });
        project.write(M3, List.of(M2), ADD_NICKNAME, CREATE_TAGS, ADD_EMAIL_AGAIN);
        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> project.covet().migrate(null, false, r -> { }));
        assertEquals(M3, e.migrationId());
        assertEquals(3, e.operationIndex());
        assertTrue(e.sql().contains("ADD COLUMN `email`"), e.sql());
        assertTrue(e.getMessage().contains("operation 3 of 3") && e.getMessage().contains(e.sql())
                && e.getMessage().contains("Operations 1..2 were applied"), e.getMessage());

        assertEquals(List.of("covet_migrations", "posts", "tags", "users"), db.tables(), "operation 2 is applied");
        assertEquals(List.of("id", "email", "nickname"), db.columns("users"), "operation 1 is applied");
        assertEquals(List.of(M1 + "|APPLIED|1|1", M2 + "|APPLIED|1|1", M3 + "|FAILED|2|3"), history());
        MigrationStatus status = project.covet().status().get(2);
        assertEquals(List.of(M3, MigrationStatus.FAILED, "2", "3"), List.of(status.id(), status.state(),
                String.valueOf(status.operationsApplied()), String.valueOf(status.operationsTotal())));
        return e;
    }

    @Test
    void aFailingThirdOperationIsRecordedAndMigrateResumesAtItOnceTheFileIsFixed() throws IOException {
        failAtTheThirdOperation();
        Path file = project.migrations.resolve(M3 + ".json");
        Files.writeString(file, Files.readString(file).replace("\"name\": \"email\", \"type\": \"varchar(100)\"",
                "\"name\": \"email2\", \"type\": \"varchar(100)\""));

        List<MigrationResult> resumed = project.covet().migrate(null, false, r -> { });
        assertEquals(List.of(M3), resumed.stream().map(MigrationResult::id).toList());
        List<String> statements = resumed.get(0).statements();
        assertEquals(1, statements.size(), "only operation 3 runs again: " + statements);
        assertTrue(statements.get(0).contains("ADD COLUMN `email2`"), statements.toString());
        assertEquals(List.of("id", "email", "nickname", "email2"), db.columns("users"));
        assertEquals(List.of(M1 + "|APPLIED|1|1", M2 + "|APPLIED|1|1", M3 + "|APPLIED|3|3"), history());
        assertEquals(MigrationStatus.APPLIED, project.covet().status().get(2).state());
        assertTrue(project.covet().migrate(null, false, r -> { }).isEmpty(), "and the fixed file is now applied");
    }

    @Test
    void rollbackOfAHalfAppliedMigrationUndoesOnlyWhatWasApplied() {
        failAtTheThirdOperation();
        List<MigrationResult> reverted = project.covet().rollback(null, false, r -> { });
        assertEquals(List.of(M3), reverted.stream().map(MigrationResult::id).toList());
        List<String> statements = reverted.get(0).statements();
        assertEquals(2, statements.size(), statements.toString());
        assertTrue(statements.get(0).startsWith("DROP TABLE") && statements.get(0).contains("`tags`"),
                statements.toString());
        assertTrue(statements.get(1).contains("DROP COLUMN `nickname`"), statements.toString());
        assertEquals(List.of("covet_migrations", "posts", "users"), db.tables());
        assertEquals(List.of("id", "email"), db.columns("users"), "email (never added by M3) is still there");
        assertEquals(List.of(M1 + "|APPLIED|1|1", M2 + "|APPLIED|1|1"), history());
        assertEquals(MigrationStatus.PENDING, project.covet().status().get(2).state());
    }

    @Test
    void twoConcurrentMigrateRunsApplyEveryMigrationExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>(List.of(M1, M2));
        for (int i = 1; i <= 20; i++) {
            String id = String.format("20260102_0000%02d_t%02d", i, i);
            // the pause widens the window in which the other run wants the lock; no assertion depends on time
            project.write(id, List.of(ids.get(ids.size() - 1)),
                    Project.createTable(String.format("t%02d", i), Project.ID, ""),
                    "{\"op\": \"RunSQL\", \"sql\": [\"DO SLEEP(0.02)\"], \"reverseSql\": []}");
            ids.add(id);
        }
        List<String> applied = PostgresRunnerTest.runConcurrently(project);
        assertEquals(22, applied.size(), "each migration applied by exactly one of the runs: " + applied);
        assertEquals(ids, applied.stream().sorted().toList());
        assertEquals(ids, db.query("SELECT name FROM covet_migrations ORDER BY name"));
        assertEquals(List.of("22|22|22"), db.query("SELECT count(*), count(DISTINCT name), "
                + "sum(status = 'APPLIED') FROM covet_migrations"));
        assertEquals(23, db.tables().size(), db.tables().toString());
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
