package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.IrreversibleOperationException;
import covet.api.MalformedMigrationException;
import covet.api.model.Schema;
import covet.engine.MigrationStatus;
import covet.engine.run.ChecksumMismatchException;
import covet.engine.run.MigrationResult;
import covet.engine.run.StatementFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole life of a migration on a real SQLite file, through the engine's front door. */
class SqliteLifecycleTest {
    static final String M1 = "20260101_000001_users";
    static final String M2 = "20260101_000002_posts";
    static final String USERS = Project.createTable("users", Project.ID
            + ", {\"name\": \"email\", \"type\": \"varchar(100)\", \"nullable\": false}"
            + ", {\"name\": \"bio\", \"type\": \"text\"}",
            "\"indexes\": [{\"name\": \"ix_users_email\", \"columns\": [\"email\"], \"unique\": true}]");
    static final String POSTS = Project.createTable("posts", Project.ID
            + ", {\"name\": \"user_id\", \"type\": \"integer\", \"nullable\": false}"
            + ", {\"name\": \"title\", \"type\": \"varchar(200)\"}",
            "\"foreignKeys\": [{\"name\": \"fk_posts_user\", \"columns\": [\"user_id\"], \"references\": "
                    + "{\"table\": \"users\", \"columns\": [\"id\"]}, \"onDelete\": \"CASCADE\"}]");

    @TempDir
    Path dir;
    Project project;

    @BeforeEach
    void setUp() {
        project = Project.sqlite(dir);
        project.write(M1, List.of(), USERS);
        project.write(M2, List.of(M1), POSTS);
    }

    @Test
    void migrateAppliesInOrderAndRecordsOneRowEach() {
        List<String> seen = new ArrayList<>();
        List<MigrationResult> results = project.covet().migrate(null, false, r -> seen.add(r.id()));
        assertEquals(List.of(M1, M2), seen);
        assertEquals(2, results.size());
        assertEquals(List.of("covet_migrations", "posts", "users"), project.sqliteTables());
        List<String> rows = project.query("SELECT name, app, status, operations_applied, operations_total, "
                + "length(checksum) FROM covet_migrations ORDER BY id");
        assertEquals(List.of(M1 + "|default|APPLIED|1|1|64", M2 + "|default|APPLIED|1|1|64"), rows);
        assertTrue(project.covet().migrate(null, false, r -> { }).isEmpty(), "a second run has nothing to do");
        assertEquals(List.of(MigrationStatus.APPLIED, MigrationStatus.APPLIED),
                project.covet().status().stream().map(MigrationStatus::state).toList());
    }

    @Test
    void rollbackTwiceLeavesNoTableAndNoHistoryRow() {
        project.covet().migrate(null, false, r -> { });
        assertEquals(List.of(M2), project.covet().rollback(null, false, r -> { }).stream()
                .map(MigrationResult::id).toList());
        assertEquals(List.of("covet_migrations", "users"), project.sqliteTables());
        project.covet().rollback(null, false, r -> { });
        assertEquals(List.of("covet_migrations"), project.sqliteTables());
        assertEquals(List.of("0"), project.query("SELECT count(*) FROM covet_migrations"));
        assertTrue(project.covet().rollback(null, false, r -> { }).isEmpty());
    }

    @Test
    void reindentingAFileKeepsItsChecksum() throws IOException {
        project.covet().migrate(null, false, r -> { });
        Path file = project.migrations.resolve(M1 + ".json");
        String flat = Files.readString(file).replaceAll("\\s*\n\\s*", " ");
        Files.writeString(file, flat);
        assertTrue(project.covet().migrate(null, false, r -> { }).isEmpty());
    }

    @Test
    void changingAnAppliedMigrationStopsTheRunNamingTheFile() throws IOException {
        project.covet().migrate(null, false, r -> { });
        Path file = project.migrations.resolve(M1 + ".json");
        Files.writeString(file, Files.readString(file).replace("varchar(100)", "varchar(120)"));
        project.write("20260101_000003_more", List.of(M2), Project.createTable("more", Project.ID, ""));
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> project.covet().migrate(null, false, r -> { }));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertFalse(project.sqliteTables().contains("more"), "nothing was applied after the mismatch");
    }

    @Test
    void deletedAppliedMigrationIsNamed() throws IOException {
        project.covet().migrate(null, false, r -> { });
        Files.delete(project.migrations.resolve(M2 + ".json"));
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> project.covet().migrate(null, false, r -> { }));
        assertTrue(e.getMessage().contains(M2), e.getMessage());
        assertTrue(project.covet().status().stream().anyMatch(s -> s.id().equals(M2)
                && s.state().equals(MigrationStatus.MISSING)));
    }

    @Test
    void brokenJsonStopsBeforeTheDatabaseIsTouched() {
        Path bad = project.writeRaw("20260101_000003_bad.json", "{\n  \"format\": 1,\n  \"id\": \"x\"\n  oops\n}\n");
        MalformedMigrationException e = assertThrows(MalformedMigrationException.class,
                () -> project.covet().migrate(null, false, r -> { }));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertEquals(4, e.line(), e.getMessage());
        assertFalse(Files.exists(dir.resolve("covet.db")), "the database was not even opened");
    }

    @Test
    void failingStatementRollsBackItsMigrationOnlyAndNamesIt() {
        String m3 = "20260101_000003_broken";
        project.write(m3, List.of(M2), Project.createTable("tags", Project.ID, ""),
                "{\"op\": \"RunSQL\", \"sql\": [\"INSERT INTO no_such_table VALUES (1)\"]}");
        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> project.covet().migrate(null, false, r -> { }));
        assertTrue(e.getMessage().contains(m3), e.getMessage());
        assertTrue(e.getMessage().contains("operation 2 of 2"), e.getMessage());
        assertTrue(e.getMessage().contains("INSERT INTO no_such_table VALUES (1)"), e.getMessage());
        assertEquals(List.of("covet_migrations", "posts", "users"), project.sqliteTables(),
                "the earlier migrations are committed, the failed one left nothing");
        assertEquals(List.of(M1, M2), project.query("SELECT name FROM covet_migrations ORDER BY id"));
    }

    @Test
    void irreversibleMigrationIsRefusedBeforeAnythingChanges() {
        String m3 = "20260101_000003_data";
        project.write(m3, List.of(M2), "{\"op\": \"RunSQL\", \"sql\": [\"INSERT INTO users (email) VALUES ('a@b')\"]}");
        project.covet().migrate(null, false, r -> { });
        IrreversibleOperationException e = assertThrows(IrreversibleOperationException.class,
                () -> project.covet().rollback(M1, false, r -> { }));
        assertTrue(e.getMessage().contains(m3), e.getMessage());
        assertEquals(List.of("3"), project.query("SELECT count(*) FROM covet_migrations"));
        assertEquals(List.of("covet_migrations", "posts", "users"), project.sqliteTables());
    }

    @Test
    void fakeRecordsWithoutExecuting() {
        project.covet().migrate(M1, true, r -> { });
        assertEquals(List.of("covet_migrations"), project.sqliteTables());
        assertEquals(List.of(M1), project.query("SELECT name FROM covet_migrations"));
    }

    @Test
    void migrateToATargetGoesForwardThenBack() {
        project.write("20260101_000003_tags", List.of(M2), Project.createTable("tags", Project.ID, ""));
        project.covet().migrate(M2, false, r -> { });
        assertEquals(List.of("covet_migrations", "posts", "users"), project.sqliteTables());
        project.covet().migrate(null, false, r -> { });
        project.covet().migrate(M1, false, r -> { });
        assertEquals(List.of("covet_migrations", "users"), project.sqliteTables());
        assertEquals(List.of(M1), project.query("SELECT name FROM covet_migrations"));
    }

    @Test
    void alterAndDropColumnKeepRowsIndexesAndForeignKeysAndRollBack() {
        project.covet().migrate(null, false, r -> { });
        project.execute("INSERT INTO users (email, bio) VALUES ('a@x', 'A'), ('b@x', 'B')",
                "INSERT INTO posts (user_id, title) VALUES (1, 'one'), (2, 'two'), (2, 'three')");
        Schema before = project.covet().inspect();
        project.write("20260101_000003_alter", List.of(M2),
                "{\"op\": \"AlterColumn\", \"table\": \"users\", \"column\": {\"name\": \"email\", \"type\": "
                        + "\"varchar(255)\", \"nullable\": false}, \"previous\": {\"name\": \"email\", \"type\": "
                        + "\"varchar(100)\", \"nullable\": false}}",
                "{\"op\": \"DropColumn\", \"table\": \"users\", \"name\": \"bio\", \"definition\": "
                        + "{\"name\": \"bio\", \"type\": \"text\"}}");
        project.covet().migrate(null, false, r -> { });
        assertEquals(List.of("1|a@x", "2|b@x"), project.query("SELECT id, email FROM users ORDER BY id"));
        assertEquals(List.of("3"), project.query("SELECT count(*) FROM posts"));
        Schema after = project.covet().inspect();
        assertEquals("varchar(255)", after.requireTable("users").requireColumn("email").type().spelling());
        assertTrue(after.requireTable("users").column("bio").isEmpty());
        assertEquals(before.requireTable("users").indexes(), after.requireTable("users").indexes());
        assertEquals(before.requireTable("posts"), after.requireTable("posts"));
        assertEquals(List.of(), project.query("PRAGMA foreign_key_check"));

        project.covet().rollback(null, false, r -> { });
        assertEquals(before, project.covet().inspect());
        assertEquals(List.of("1|a@x|null", "2|b@x|null"), project.query("SELECT id, email, bio FROM users ORDER BY id"));
    }

    @Test
    void viewsAndTriggersAreObjectsThatRollbackOfOtherTablesLeavesAlone() {
        project.covet().migrate(null, false, r -> { });
        project.execute("CREATE VIEW active_users AS SELECT id, email FROM users",
                "CREATE TRIGGER users_lower AFTER INSERT ON users BEGIN UPDATE users SET email = lower(email) "
                        + "WHERE id = new.id; END");
        assertEquals(List.of(), project.covet().unmanaged(), "SQLite's views and triggers are managed objects");
        List<String> objects = project.covet().inspect().objects().stream()
                .map(covet.api.model.SchemaObject::key).sorted().toList();
        assertEquals(List.of("trigger:users.users_lower", "view:active_users"), objects);
        assertTrue(project.covet().inspect().table("active_users").isEmpty(), "a view is not a table");
        project.covet().rollback(M1, false, r -> { });
        assertEquals(objects, project.covet().inspect().objects().stream()
                .map(covet.api.model.SchemaObject::key).sorted().toList(),
                "reverting posts leaves what lives on users alone");
    }

    @Test
    void sqlmigratePrintsForwardAndBackwardSqlWithoutADatabase() {
        List<String> forward = project.covet().sql(M2, false);
        assertTrue(forward.stream().anyMatch(s -> s.contains("CREATE TABLE") && s.contains("posts")), forward.toString());
        List<String> backward = project.covet().sql(M2, true);
        assertTrue(backward.stream().anyMatch(s -> s.contains("DROP TABLE") && s.contains("posts")), backward.toString());
        assertFalse(Files.exists(dir.resolve("covet.db")));
    }
}
