package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.engine.Covet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What PostgreSQL receives, read from its own statement log ({@link PgStatementLog}), not timed: applying a migration
 * costs its DDL, one history row and the transaction (BEGIN, each DDL, one INSERT, COMMIT: the raw baseline's
 * floor); a grouped run one BEGIN and one COMMIT for all; a no-op migrate the same three statements whatever the
 * number of migrations (no lock, no transaction: {@link NoOpParsesNothingTest}).
 */
class StatementCountTest {
    static final String UNLOCK = "SELECT pg_catalog.pg_advisory_unlock(";

    @TempDir
    Path dir;

    static String id(int i) {
        return String.format("20260101_%06d_t%d", i, i);
    }

    /** Migrations {@code from..to}, each a CreateTable and a CreateIndex (the benchmark's migration, smaller). */
    static void write(Project project, int from, int to) {
        for (int i = from; i <= to; i++) {
            String t = "t" + i;
            project.write(id(i), i == 1 ? List.of() : List.of(id(i - 1)),
                    Project.createTable(t, Project.ID + ", {\"name\": \"name\", \"type\": \"varchar(100)\", "
                            + "\"nullable\": false}", ""),
                    "{\"op\": \"CreateIndex\", \"table\": \"" + t + "\", \"index\": {\"name\": \"ix_" + t
                            + "_name\", \"columns\": [\"name\"]}}");
        }
    }

    /** The statements from the first BEGIN on: what applying cost, after the lock, the history read and drift check. */
    private static List<String> fromFirstBegin(List<String> statements) {
        int begin = statements.indexOf("BEGIN");
        assertTrue(begin >= 0, "no transaction at all: " + statements);
        return statements.subList(begin, statements.size());
    }

    private static List<String> appliedOne(int i) {
        return List.of("CREATE TABLE \"t" + i + "\" (", "CREATE INDEX \"ix_t" + i + "_name\" ON \"t" + i
                + "\" (\"name\")", "INSERT INTO \"covet_migrations\" (");
    }

    /** Each statement of {@code actual} starts with the expected one (multi-line statements log their first line). */
    private static void assertStatements(List<String> expected, List<String> actual) {
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = actual.get(i).startsWith(expected.get(i));
        }
        assertTrue(same, "expected\n  " + String.join("\n  ", expected) + "\nreceived\n  "
                + String.join("\n  ", actual));
    }

    @Test
    void eachAppliedMigrationCostsBeginItsDdlOneHistoryInsertAndCommit() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            PgStatementLog log = PgStatementLog.on(db);
            Project project = db.project(dir);
            write(project, 1, 5);
            long mark = log.mark();
            assertEquals(5, project.covet().migrate().size());
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                expected.add("BEGIN");
                expected.addAll(appliedOne(i));
                expected.add("COMMIT");
            }
            expected.add(UNLOCK);
            assertStatements(expected, fromFirstBegin(log.since(mark)));
        }
    }

    @Test
    void aGroupedRunHasOneBeginAndOneCommitForAllItsMigrations() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            PgStatementLog log = PgStatementLog.on(db);
            Project project = db.project(dir);
            write(project, 1, 5);
            long mark = log.mark();
            Covet grouped = Covet.builder().url(db.url).migrationsDir(project.migrations).group(true).build();
            assertEquals(5, grouped.migrate().size());
            List<String> expected = new ArrayList<>(List.of("BEGIN"));
            for (int i = 1; i <= 5; i++) {
                expected.addAll(appliedOne(i));
            }
            expected.add("COMMIT");
            expected.add(UNLOCK);
            assertStatements(expected, fromFirstBegin(log.since(mark)));
        }
    }

    @Test
    void aNoOpMigrateSendsTheSameFewStatementsWithFiveAndWithFiftyMigrations() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            PgStatementLog log = PgStatementLog.on(db);
            Project project = db.project(dir);
            write(project, 1, 5);
            project.covet().migrate();
            long mark = log.mark();
            assertTrue(project.covet().migrate().isEmpty());
            List<String> five = log.since(mark);

            write(project, 6, 50);
            assertEquals(45, project.covet().migrate().size());
            mark = log.mark();
            assertTrue(project.covet().migrate().isEmpty());
            List<String> fifty = log.since(mark);

            assertEquals(five, fifty, "a no-op's statements do not depend on the number of migrations");
            // the files unchanged since applied (issue 20): driver set-up, history exists, history read; no lock
            // (committed rows that show every file applied stay true whatever a concurrent run does)
            assertStatements(List.of("SET application_name", "SELECT", "SELECT * FROM \"covet_migrations\""),
                    five);
            assertFalse(five.stream().anyMatch(s -> s.contains("advisory")), "a no-op takes no lock: " + five);
            assertFalse(five.stream().anyMatch(s -> s.equals("BEGIN") || s.equals("COMMIT")
                    || s.startsWith("INSERT") || s.startsWith("UPDATE") || s.startsWith("DELETE")),
                    "a no-op opens no transaction and writes nothing: " + five);
            assertEquals(1, five.stream().filter(s -> s.contains("FROM \"covet_migrations\"")).count(),
                    "the history is read once: " + five);
        }
    }
}
