package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A statement that fails, a connection that the server drops, a disk that fills up, all in the middle of a
 * migration: a clear error naming the migration and operation, and nothing recorded that did not happen.
 * (SQLite's failing statement is SqliteLifecycleTest.failingStatementRollsBackItsMigrationOnlyAndNamesIt.)
 */
class ReliabilityStatementFaultTest {
    static final String M1 = ReliabilityMigrations.id(1);
    static final String M2 = "20260101_000002_faulty";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRES", "MYSQL"})
    void failingStatementNamesMigrationOperationAndSqlAndRecordsOnlyWhatHappened(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            ReliabilityMigrations.write(tmp, M1, null, ReliabilityMigrations.chainOps(1));
            List<String> ops = ReliabilityMigrations.chainOps(2);
            String bad = "INSERT INTO no_such_table VALUES (1)";
            Path file = ReliabilityMigrations.write(tmp, M2, M1,
                    List.of(ops.get(0), ReliabilityMigrations.runSql(bad, ""), ops.get(1), ops.get(2)));

            Cli.Result r = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(1, r.exitCode(), r.toString());
            for (String expected : new String[] {M2, file.toString(), "operation 2 of 4", "RunSQL", bad}) {
                assertTrue(r.err().contains(expected), expected + " in\n" + r);
            }
            if (kind == Kind.MYSQL) {
                assertEquals(List.of(M1 + "|3|3|APPLIED", M2 + "|1|4|FAILED"), db.history());
                assertEquals(1, ReliabilityMigrations.opsVisible(db, 2), "the one applied operation stays");
                assertTrue(r.err().contains("resume at operation 2"), r.toString());
            } else {
                assertEquals(List.of(M1 + "|3|3|APPLIED"), db.history());
                assertEquals(0, ReliabilityMigrations.opsVisible(db, 2), "the failed migration left nothing");
            }

            // fixing the statement in the (not yet applied) file lets a rerun finish, resuming where MariaDB stopped
            Files.writeString(file, Files.readString(file).replace(bad, "UPDATE rel_t2 SET c1 = 'x' WHERE 1 = 0"));
            Cli.Result rerun = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, rerun.exitCode(), rerun.toString());
            assertEquals(List.of(M1 + "|3|3|APPLIED", M2 + "|4|4|APPLIED"), db.history());
            assertEquals(3, ReliabilityMigrations.opsVisible(db, 2));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRES", "MYSQL"})
    void connectionDroppedByTheServerMidMigrationFailsClearlyAndRecordsOnlyWhatHappened(Kind kind)
            throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            db.createSleepControl(60);
            List<String> ops = ReliabilityMigrations.chainOps(1);
            ReliabilityMigrations.write(tmp, M1, null,
                    List.of(ops.get(0), ReliabilityMigrations.runSql(db.sleepSql(), ""), ops.get(1), ops.get(2)));
            ReliabilityProcess p = ReliabilityProcess.start(tmp, "migrate", "--url", db.url);
            ReliabilityWait.until(60, () -> !p.alive() || db.sleeping(), () -> "never reached the sleep\n"
                    + p.output());
            dropSleepingConnection(db);

            Cli.Result r = p.await();
            assertEquals(1, r.exitCode(), r.toString());
            if (kind == Kind.MYSQL) {
                // the connection is gone, so the FAILED mark cannot be written: RUNNING at 1 of 4 is the truth
                assertEquals(List.of(M1 + "|1|4|RUNNING"), db.history());
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
            assertTrue(r.err().contains(M1) && r.err().contains("operation 2 of 4"), "names the migration and the"
                    + " operation the connection died in\n" + r);
        }
    }

    private static void dropSleepingConnection(ReliabilityDb db) throws Exception {
        try (Connection admin = db.connectAdmin(); Statement s = admin.createStatement()) {
            if (db.kind == Kind.POSTGRES) {
                List<String> done = ReliabilityDb.rows(s.executeQuery("SELECT pg_terminate_backend(pid) FROM "
                        + "pg_stat_activity WHERE datname = '" + db.name + "' AND query LIKE 'SELECT pg_sleep%'"));
                assertEquals(List.of("t"), done);
            } else {
                List<String> ids = ReliabilityDb.rows(s.executeQuery("SELECT id FROM information_schema.processlist "
                        + "WHERE db = '" + db.name + "' AND info LIKE 'SELECT SLEEP(seconds)%'"));
                assertEquals(1, ids.size(), ids.toString());
                s.execute("KILL CONNECTION " + Long.parseLong(ids.get(0)));
            }
        }
    }

    /**
     * A full disk, simulated without privileges: {@code ulimit -f} caps the size of any file the process writes
     * (the JVM ignores SIGXFSZ, so the write fails with EFBIG as on a full disk). A tmpfs would need root.
     */
    @Test
    void sqliteOnAFullDiskFailsClearlyAndKeepsTheDatabaseIntact() throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(Kind.SQLITE, tmp)) {
            ReliabilityMigrations.write(tmp, M1, null, ReliabilityMigrations.chainOps(1));
            assertEquals(0, ReliabilityProcess.run(tmp, "migrate", "--url", db.url).exitCode());
            db.execute("INSERT INTO rel_t1 (id, c1, c2) VALUES (1, 'kept', 7)");
            String fill = "INSERT INTO rel_t2 (id, c1) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                    + "FROM c WHERE x < 20000) SELECT x, hex(randomblob(200)) FROM c";
            List<String> ops = ReliabilityMigrations.chainOps(2);
            ReliabilityMigrations.write(tmp, M2, M1, List.of(ops.get(0), ReliabilityMigrations.runSql(fill, ""),
                    ops.get(1), ops.get(2)));

            // 4096 blocks of 512 bytes (POSIX sh): 2 MB, while the migration needs about 8 MB
            Cli.Result r = ReliabilityProcess.start(tmp, 4096, "migrate", "--url", db.url).await();
            assertEquals(1, r.exitCode(), r.toString());

            assertEquals(List.of("ok"), db.query("PRAGMA integrity_check"));
            assertEquals(List.of(M1 + "|3|3|APPLIED"), db.history());
            assertFalse(db.tables().contains("rel_t2"), "the failed migration left nothing");
            assertEquals(List.of("1|kept|7"), db.query("SELECT id, c1, c2 FROM rel_t1"));

            Cli.Result rerun = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, rerun.exitCode(), rerun.toString());
            assertEquals(List.of(M1 + "|3|3|APPLIED", M2 + "|4|4|APPLIED"), db.history());
            assertEquals(List.of("20000"), db.query("SELECT count(*) FROM rel_t2"));
            // last, so that a wrong message does not hide the state checks above
            assertTrue(r.err().contains(M2) && r.err().contains("operation 2 of 4"), r.toString());
            String err = r.err().toLowerCase(java.util.Locale.ROOT);
            assertTrue(err.contains("full") || err.contains("i/o"), "names the storage problem\n" + r);
        }
    }
}
