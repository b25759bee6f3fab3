package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.engine.run.StatementFailedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On PostgreSQL a migration's row-less statements go to the server as one JDBC batch. A statement refused inside the
 * batch is still named exactly (migration, operation, SQL, the server's error) and nothing of the migration stays;
 * a migration with a RunSQL (which may return rows, or act outside the transaction) is not batched.
 */
class PostgresBatchedStatementsTest {
    static final String M1 = "20260101_000001_batch";

    @TempDir
    Path dir;

    @Test
    void aStatementRefusedInTheMiddleOfTheBatchIsNamedAndNothingStays() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            Project project = db.project(dir);
            project.write(M1, List.of(), Project.createTable("p", Project.ID, ""),
                    "{\"op\": \"CreateIndex\", \"table\": \"p\", \"index\": {\"name\": \"ix_p_nope\", "
                            + "\"columns\": [\"nope\"]}}",
                    Project.createTable("q", Project.ID, ""));
            StatementFailedException e = assertThrows(StatementFailedException.class,
                    () -> project.covet().migrate());
            assertEquals(M1, e.migrationId());
            assertEquals(2, e.operationIndex(), e.getMessage());
            assertEquals("CREATE INDEX \"ix_p_nope\" ON \"p\" (\"nope\")", e.sql());
            assertTrue(e.getMessage().contains("operation 2 of 3") && e.getMessage().contains("CreateIndex")
                    && e.getMessage().contains("column \"nope\" does not exist"), e.getMessage());
            assertTrue(!e.getMessage().contains("Batch entry"), "the server's error, not the driver's wrapper: "
                    + e.getMessage());
            assertEquals(List.of("covet_migrations"), db.tables(), "neither p nor q");
            assertEquals(List.of("0"), db.query("SELECT count(*) FROM covet_migrations"));
        }
    }

    @Test
    void theFirstAndTheLastStatementOfABatchAreNamedToo() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            Project project = db.project(dir);
            project.execute("CREATE TABLE p (id integer)");
            project.write(M1, List.of(), Project.createTable("p", Project.ID, ""),
                    Project.createTable("q", Project.ID, ""));
            StatementFailedException first = assertThrows(StatementFailedException.class,
                    () -> project.covet().migrate());
            assertEquals(1, first.operationIndex(), first.getMessage());
            assertTrue(first.getMessage().contains("\"p\" already exists"), first.getMessage());

            project.execute("DROP TABLE p", "CREATE TABLE q (id integer)");
            StatementFailedException last = assertThrows(StatementFailedException.class,
                    () -> project.covet().migrate());
            assertEquals(2, last.operationIndex(), last.getMessage());
            assertTrue(last.getMessage().contains("\"q\" already exists"), last.getMessage());
            assertEquals(List.of("covet_migrations", "q"), db.tables(), "p rolled back with the migration");
        }
    }

    @Test
    void aMigrationWithAQueryRunsStatementByStatementAndReportsAllInOrder() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            Project project = db.project(dir);
            project.write(M1, List.of(), Project.createTable("p", Project.ID, ""),
                    "{\"op\": \"RunSQL\", \"sql\": [\"SELECT count(*) FROM p\"], \"reverseSql\": []}",
                    Project.createTable("q", Project.ID, ""),
                    "{\"op\": \"CreateIndex\", \"table\": \"q\", \"index\": {\"name\": \"ix_q_id\", "
                            + "\"columns\": [\"id\"]}}");
            List<String> statements = new ArrayList<>();
            project.covet().migrate(null, false, r -> statements.addAll(r.statements()));
            assertEquals(4, statements.size(), statements.toString());
            assertTrue(statements.get(0).startsWith("CREATE TABLE \"p\"") && statements.get(1).equals(
                    "SELECT count(*) FROM p") && statements.get(2).startsWith("CREATE TABLE \"q\"")
                    && statements.get(3).startsWith("CREATE INDEX \"ix_q_id\""), statements.toString());
            assertEquals(List.of("covet_migrations", "p", "q"), db.tables());
            assertEquals(List.of("APPLIED|4"), db.query("SELECT status, operations_applied FROM covet_migrations"));
        }
    }
}
