package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C (SIGINT) or SIGTERM while a migration's statement runs for 15 s: Covet cancels the statement on the server
 * (it is gone from pg_stat_activity / the processlist within 2 s), records only what happened, releases the lock,
 * and exits 130 with one line saying what state the database is in; another deployer then finishes the run.
 */
class ReliabilityInterruptTest {
    static final String M1 = ReliabilityMigrations.id(1);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"POSTGRES, INT", "MYSQL, INT", "SQLITE, INT", "POSTGRES, TERM", "MYSQL, TERM"})
    void aSignalCancelsTheRunningStatementRecordsTheTruthAndFreesTheLock(Kind kind, String signal) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            db.createSleepControl(15);
            List<String> ops = ReliabilityMigrations.chainOps(1);
            ReliabilityMigrations.write(tmp, M1, null,
                    List.of(ops.get(0), ReliabilityMigrations.runSql(db.sleepSql(), ""), ops.get(1), ops.get(2)));
            ReliabilityProcess p = ReliabilityProcess.startInterruptible(tmp, "migrate", "-v", "--url", db.url);
            ReliabilityWait.until(60, () -> !p.alive() || inTheLongStatement(db, p),
                    () -> "never reached the long statement\n" + p.output());
            assertTrue(p.alive(), p.output());
            p.signal(signal);

            if (kind != Kind.SQLITE) {
                // the server stopped the statement: not the client going away, which would leave it running 15 s
                ReliabilityWait.until(2, () -> !db.sleeping(), () -> "the statement still runs on the server");
            }
            Cli.Result r = p.await();
            assertEquals(130, r.exitCode(), r.toString());
            assertFalse(db.lockHeld(), "the lock is free");
            if (kind == Kind.MYSQL) {
                // DDL commits by itself: operation 1 stays, and the history says so
                assertEquals(List.of(M1 + "|1|4|FAILED"), db.history());
                assertEquals(1, ReliabilityMigrations.opsVisible(db, 1));
            } else {
                assertEquals(List.of(), db.history());
                assertEquals(0, ReliabilityMigrations.opsVisible(db, 1));
            }

            db.setSleep(0);
            Cli.Result rerun = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, rerun.exitCode(), rerun.toString());
            assertEquals(List.of(M1 + "|4|4|APPLIED"), db.history());
            assertEquals(3, ReliabilityMigrations.opsVisible(db, 1));
            // last, so that a wrong message does not hide the state checks above
            String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith("covet: interrupted by SIG" + signal), "one closing line\n" + r);
            assertTrue(last.contains("operation 2") && last.contains(kind == Kind.MYSQL
                    ? "Operations 1..1 were applied and are recorded" : "Nothing of this migration was changed"),
                    "says what state the database is in\n" + r);
        }
    }

    /** The run is in the 15-second statement: the server lists it, or (SQLite) the -v log shows it was sent. */
    private static boolean inTheLongStatement(ReliabilityDb db, ReliabilityProcess p) {
        if (db.kind == Kind.SQLITE) {
            return p.output().contains("op 2: WITH RECURSIVE");
        }
        return db.sleeping();
    }
}
