package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Several deployers at once, and a deployer that dies holding the lock: the migration lock is the database's own
 * (advisory lock, GET_LOCK, SQLite's write transaction), so each migration runs exactly once and a crash leaves
 * nothing to repair by hand.
 */
class ReliabilityConcurrencyTest {
    static final int MIGRATIONS = 50;
    static final int PROCESSES = 4;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void fourProcessesApplyFiftyMigrationsExactlyOnce(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            List<String> ids = ReliabilityMigrations.writeChain(tmp, MIGRATIONS);
            List<ReliabilityProcess> running = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                running.add(ReliabilityProcess.start(tmp, "migrate", "--url", db.url));
            }
            int appliedLines = 0;
            StringBuilder all = new StringBuilder();
            for (ReliabilityProcess p : running) {
                Cli.Result r = p.await();
                all.append(r).append('\n');
                assertEquals(0, r.exitCode(), "every deployer exits 0 (the losers wait, then find nothing to do)\n"
                        + r);
                appliedLines += (int) r.out().lines().filter(l -> l.startsWith("Applied ")).count();
            }
            assertEquals(MIGRATIONS, appliedLines, "each migration is applied by exactly one process\n" + all);
            List<String> expected = ids.stream().map(id -> id + "|3|3|APPLIED").toList();
            assertEquals(expected, db.history(), "one complete history row per migration, in order");
            List<String> tables = db.tables();
            IntStream.rangeClosed(1, MIGRATIONS).forEach(i -> assertTrue(
                    tables.contains(ReliabilityMigrations.table(i)), ReliabilityMigrations.table(i) + " exists"));
            assertEquals(3, ReliabilityMigrations.opsVisible(db, MIGRATIONS), "the last migration is complete");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void lockOfAKilledDeployerIsReleasedByTheDatabase(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            // long enough to be caught holding the lock; a server finishes the statement of a dead client first
            db.createSleepControl(kind == Kind.SQLITE ? 60 : 6);
            String m1 = ReliabilityMigrations.id(1);
            String m2 = "20260101_000002_sleep";
            String m3 = ReliabilityMigrations.id(3);
            ReliabilityMigrations.write(tmp, m1, null, ReliabilityMigrations.chainOps(1));
            ReliabilityMigrations.write(tmp, m2, m1, List.of(ReliabilityMigrations.runSql(db.sleepSql(), "")));
            ReliabilityMigrations.write(tmp, m3, m2, ReliabilityMigrations.chainOps(3));

            ReliabilityProcess holder = ReliabilityProcess.start(tmp, "migrate", "--url", db.url);
            ReliabilityWait.until(60, () -> !holder.alive() || (kind == Kind.SQLITE ? db.lockHeld() : db.sleeping()),
                    () -> "the first deployer never reached the sleeping migration\n" + holder.output());
            assertTrue(holder.alive(), holder.output());
            assertTrue(db.lockHeld(), "the deployer holds the migration lock while it sleeps");
            holder.kill();
            db.setSleep(0);

            Cli.Result rerun = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, rerun.exitCode(), "the next deployer gets the lock without any repair\n" + rerun);
            assertEquals(List.of(m1 + "|3|3|APPLIED", m2 + "|1|1|APPLIED", m3 + "|3|3|APPLIED"), db.history());
            assertEquals(3, ReliabilityMigrations.opsVisible(db, 3));
        }
    }
}
