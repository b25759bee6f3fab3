package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.engine.Covet;
import covet.engine.run.GroupRefusedException;
import covet.engine.run.MigrationResult;
import covet.engine.run.StatementFailedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grouped run ({@code migrate --group}, {@code group: true}, the builder's {@code group(true)}): all pending
 * migrations in one transaction, judged by the databases themselves (PostgreSQL's {@code xmin} says which
 * transaction wrote each history row), and its refusals where it cannot be all or nothing.
 */
class GroupedRunTest {
    static final String M1 = "20260101_000001_a";
    static final String M2 = "20260101_000002_b";
    static final String M3 = "20260101_000003_c";
    static final String FAILING = "INSERT INTO no_such_table VALUES (1)";

    @TempDir
    Path dir;

    /** Two good migrations and a third whose last operation fails. */
    private static void writeFailingRun(Project project) {
        project.write(M1, List.of(), Project.createTable("a", Project.ID, ""));
        project.write(M2, List.of(M1), Project.createTable("b", Project.ID, ""));
        project.write(M3, List.of(M2), Project.createTable("c", Project.ID, ""),
                "{\"op\": \"RunSQL\", \"sql\": [\"" + FAILING + "\"], \"reverseSql\": []}");
    }

    private static void fixThird(Project project) {
        project.write(M3, List.of(M2), Project.createTable("c", Project.ID, ""));
    }

    private static Covet grouped(ServerDatabase db, Project project) {
        return Covet.builder().url(db.url).migrationsDir(project.migrations).group(true).build();
    }

    @Test
    void postgresGroupedRunIsOneTransactionAllOrNothing() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            Project project = db.project(dir);
            writeFailingRun(project);
            List<String> reported = new ArrayList<>();
            StatementFailedException e = assertThrows(StatementFailedException.class,
                    () -> grouped(db, project).migrate(null, false, r -> reported.add(r.id())));
            assertEquals(M3, e.migrationId());
            assertEquals(FAILING, e.sql());
            assertTrue(e.getMessage().contains("operation 2 of 2") && e.getMessage().contains("RunSQL")
                    && e.getMessage().contains("Nothing of this run was changed"), e.getMessage());
            assertEquals(List.of(), reported, "nothing reported as applied by a run that was rolled back");
            assertEquals(List.of("covet_migrations"), db.tables(), "no table a, b or c");
            assertEquals(List.of("0"), db.query("SELECT count(*) FROM covet_migrations"), "no history row");

            fixThird(project);
            List<MigrationResult> done = grouped(db, project).migrate(null, false, r -> reported.add(r.id()));
            assertEquals(List.of(M1, M2, M3), done.stream().map(MigrationResult::id).toList());
            assertEquals(List.of(M1, M2, M3), reported);
            assertEquals(List.of("a", "b", "c", "covet_migrations"), db.tables());
            // one transaction wrote the three rows: the server's own record of the writing transaction
            assertEquals(List.of("1|3"), db.query("SELECT count(DISTINCT xmin::text), count(*) FROM covet_migrations"));

            // the control: an ungrouped run commits each migration in a transaction of its own
            project.write("20260101_000004_d", List.of(M3), Project.createTable("d", Project.ID, ""));
            project.write("20260101_000005_e", List.of("20260101_000004_d"), Project.createTable("e", Project.ID, ""));
            project.covet().migrate(null, false, r -> { });
            assertEquals(List.of("2"), db.query("SELECT count(DISTINCT xmin::text) FROM covet_migrations "
                    + "WHERE name IN ('20260101_000004_d', '20260101_000005_e')"));
        }
    }

    @Test
    void postgresRefusesAGroupWithAMigrationThatCannotRunInATransaction() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            Project project = db.project(dir);
            project.write(M1, List.of(), Project.createTable("a", Project.ID, ""));
            project.write(M2, List.of(M1), "{\"op\": \"CreateIndex\", \"table\": \"a\", \"concurrently\": true, "
                    + "\"index\": {\"name\": \"ix_a_id\", \"columns\": [\"id\"]}}");
            GroupRefusedException e = assertThrows(GroupRefusedException.class,
                    () -> grouped(db, project).migrate());
            assertTrue(e.getMessage().contains(M2) && e.getMessage().contains("cannot run inside a transaction"),
                    e.getMessage());
            assertFalse(db.tables().contains("a"), "no migration of the refused run ran: " + db.tables());
            assertEquals(List.of("0"), db.query("SELECT count(*) FROM covet_migrations"));
        }
    }

    @Test
    void sqliteGroupFromTheConfigFileRollsBackTheWholeRunThroughTheCli() throws IOException {
        Project project = Project.sqlite(dir);
        Files.writeString(dir.resolve("covet.yaml"), "url: " + project.url + "\ngroup: true\n");
        writeFailingRun(project);
        Cli.Result failed = Cli.run(dir, "migrate");
        assertEquals(1, failed.exitCode(), failed.toString());
        assertTrue(failed.err().contains(M3) && failed.err().contains(FAILING)
                && failed.err().contains("Nothing of this run was changed"), failed.toString());
        assertFalse(failed.out().contains("Applied"), "nothing reported as applied: " + failed);
        // SQLite's run is one transaction from the lock on: the history table it created went with the rollback
        assertEquals(List.of(), project.sqliteTables(), "no table a, b or c, no history");

        // the control: the same run ungrouped keeps the first two (a savepoint per migration)
        Files.writeString(dir.resolve("covet.yaml"), "url: " + project.url + "\ngroup: false\n");
        Cli.Result ungrouped = Cli.run(dir, "migrate");
        assertEquals(1, ungrouped.exitCode(), ungrouped.toString());
        assertEquals(List.of(M1, M2), project.query("SELECT name FROM covet_migrations ORDER BY id"));

        fixThird(project);
        Cli.Result ok = Cli.run(dir, "migrate", "--group");
        assertEquals(0, ok.exitCode(), ok.toString());
        assertEquals(List.of(M1, M2, M3), project.query("SELECT name FROM covet_migrations ORDER BY id"));
        assertEquals(List.of("a", "b", "c", "covet_migrations"), project.sqliteTables());
    }

    @Test
    void mariadbRefusesAGroupedRunWithExitTwoAndChangesNothing() throws Exception {
        try (ServerDatabase db = ServerDatabase.mysql()) {
            Project project = db.project(dir);
            writeFailingRun(project);
            Cli.Result r = Cli.run(dir, "--url", db.url, "migrate", "--group");
            assertEquals(2, r.exitCode(), r.toString());
            assertTrue(r.err().contains("commits each DDL statement by itself"), r.toString());
            assertEquals(List.of(), db.tables(), "not even the history table");
        }
    }
}
