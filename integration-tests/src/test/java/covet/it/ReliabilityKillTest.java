package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code kill -9} of a migrate process at random points (seeded, so a failure replays): afterwards the history and
 * the schema agree, and a rerun finishes the job. Transactional databases show the migration in flight not at all;
 * MariaDB shows it recorded up to its last applied operation, except that the server completes a DDL statement
 * whose client died, so one operation can be in effect before its progress is recorded: the rerun detects it.
 */
class ReliabilityKillTest {
    static final int ROUNDS = 4;
    static final int MIGRATIONS = 12;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"SQLITE", "POSTGRES"})
    void killedMigrateLeavesHistoryAndSchemaInAgreementAndARerunFinishes(Kind kind) throws Exception {
        killRounds(kind);
    }

    @Test
    void killedMigrateOnMariaDbLeavesHistoryAndSchemaInAgreementAndARerunFinishes() throws Exception {
        killRounds(Kind.MYSQL);
    }

    /**
     * The state that a kill between a DDL statement and its progress update leaves on MariaDB, made on purpose:
     * the operation took effect, the history still says RUNNING before it. A rerun must notice and go on.
     */
    @Test
    void mariaDbRerunAfterAKillBetweenDdlAndProgressUpdateFinishes() throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(Kind.MYSQL, tmp)) {
            List<String> ids = ReliabilityMigrations.writeChain(tmp, 1);
            assertEquals(0, ReliabilityProcess.run(tmp, "migrate", "--url", db.url).exitCode());
            db.execute("DROP INDEX ix_rel_t1_c2 ON rel_t1", "ALTER TABLE rel_t1 DROP COLUMN c2",
                    "UPDATE covet_migrations SET operations_applied = 0, status = 'RUNNING'");
            Cli.Result rerun = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, rerun.exitCode(), rerun.toString());
            assertEquals(List.of(ids.get(0) + "|3|3|APPLIED"), db.history());
            assertEquals(3, ReliabilityMigrations.opsVisible(db, 1));
        }
    }

    private void killRounds(Kind kind) throws Exception {
        long seed = 0x5EED0000L + kind.ordinal();
        Random random = new Random(seed);
        for (int round = 0; round < ROUNDS; round++) {
            Path project = Files.createDirectories(tmp.resolve("round" + round));
            try (ReliabilityDb db = ReliabilityDb.create(kind, project)) {
                List<String> ids = ReliabilityMigrations.writeChain(project, MIGRATIONS);
                String where = kind + " seed " + Long.toHexString(seed) + " round " + round;
                ReliabilityProcess p = ReliabilityProcess.start(project, "migrate", "--url", db.url);
                String when = killAtRandomPoint(p, project, random, round);
                where += " (" + when + ")";

                // a server may still be finishing the dead client's statement: judge once it let go of the lock
                ReliabilityWait.until(60, () -> !db.lockHeld(), () -> "the lock was never released");
                assertAgreement(db, ids, where);

                Cli.Result rerun = ReliabilityProcess.run(project, "migrate", "--url", db.url);
                assertEquals(0, rerun.exitCode(), where + ": the rerun finishes the job\n" + rerun);
                assertEquals(ids.stream().map(id -> id + "|3|3|APPLIED").toList(), db.history(), where);
                for (int i = 1; i <= MIGRATIONS; i++) {
                    assertEquals(3, ReliabilityMigrations.opsVisible(db, i), where + ": migration " + i);
                }
            }
        }
    }

    /**
     * Round 0 kills at a random time after the start (start-up, lock, history creation); the others after a random
     * number of migrations were reported applied, plus a random few milliseconds.
     */
    private static String killAtRandomPoint(ReliabilityProcess p, Path project, Random random, int round) {
        if (round == 0) {
            int millis = 200 + random.nextInt(1200);
            ReliabilityWait.pause(millis);
            p.kill();
            return "killed " + millis + " ms after the start";
        }
        int after = random.nextInt(MIGRATIONS);
        int jitter = random.nextInt(40);
        ReliabilityWait.until(60, () -> !p.alive() || applied(p) >= after, p::output);
        ReliabilityWait.pause(jitter);
        boolean wasAlive = p.alive();
        p.kill();
        return (wasAlive ? "killed" : "finished before the kill") + " " + jitter + " ms after " + after
                + " migrations were reported";
    }

    private static long applied(ReliabilityProcess p) {
        return p.output().lines().filter(l -> l.startsWith("Applied ")).count();
    }

    /**
     * Complete rows are complete in the schema; migrations without a row left no trace; at most one row (MariaDB)
     * is part way, and the schema shows exactly as many of its operations as it records.
     */
    static void assertAgreement(ReliabilityDb db, List<String> ids, String where) {
        List<String> history = db.history();
        boolean transactional = db.kind != Kind.MYSQL;
        int partial = 0;
        for (int i = 0; i < ids.size(); i++) {
            int n = i + 1;
            int visible = ReliabilityMigrations.opsVisible(db, n);
            String row = history.stream().filter(r -> r.startsWith(ids.get(n - 1) + "|")).findFirst().orElse(null);
            if (row == null) {
                assertEquals(0, visible, where + ": " + ids.get(i) + " has no history row but left a trace\n"
                        + history);
                continue;
            }
            String[] f = row.split("\\|");
            int recorded = Integer.parseInt(f[1]);
            if (f[3].equals("APPLIED")) {
                assertEquals(3, recorded, where + ": " + row);
            } else {
                partial++;
                assertTrue(!transactional, where + ": a transactional database recorded a partial migration: " + row);
                assertTrue(f[3].equals("RUNNING") || f[3].equals("FAILED"), where + ": " + row);
            }
            // MariaDB completes a DDL statement whose client died: a kill between it and the progress update
            // leaves that one operation in effect but unrecorded, which the rerun must detect (never more than one)
            boolean unrecordedDdl = !transactional && !f[3].equals("APPLIED") && visible == recorded + 1;
            assertTrue(visible == recorded || unrecordedDdl, where + ": " + ids.get(i) + " records " + recorded
                    + " operations applied, the schema shows " + visible + "\n" + history);
        }
        assertTrue(partial <= 1, where + ": more than one migration part way\n" + history);
        for (int i = 0; i + 1 < history.size(); i++) {
            assertTrue(history.get(i).endsWith("|APPLIED"), where + ": only the last row may be part way\n" + history);
        }
        assertEquals(ids.subList(0, history.size()), history.stream().map(r -> r.split("\\|")[0]).toList(),
                where + ": the applied migrations are a prefix of the chain");
    }
}
