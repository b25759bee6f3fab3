package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.spi.MigrationLock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two connections to one file, as two deployers: the lock is SQLite's write lock inside the run's transaction. */
class SqliteLockTest {
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final SqliteDialect dialect = new SqliteDialect();
    private Connection first;
    private Connection second;

    @BeforeEach
    void open() throws SQLException {
        String url = dialect.jdbcUrl(null, null, dir.resolve("lock.db").toString());
        first = dialect.connect(url, new Properties());
        second = dialect.connect(url, new Properties());
        try (Statement st = first.createStatement()) {
            st.execute("CREATE TABLE t (x INTEGER)");
        }
        first.setAutoCommit(false);
        second.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        first.close();
        second.close();
    }

    @Test
    void secondAcquireTimesOutWhileTheFirstHoldsTheLockAndSucceedsAfterCommit() throws Exception {
        MigrationLock lock = dialect.lock();
        MigrationLock.Lease firstLease = lock.acquire(first, LONG);
        {
            SQLException e = assertThrows(SQLException.class, () -> lock.acquire(second, SHORT));
            assertTrue(e.getMessage().startsWith("sqlite: another connection holds the database's write lock"),
                    e.getMessage());
            // the failed acquire left the second connection usable: it can read and roll back
            assertEquals(0, count(second));
            second.rollback();

            try (Statement st = first.createStatement()) {
                st.execute("INSERT INTO t VALUES (1)");
            }
            first.commit();
            firstLease.close();
        }
        MigrationLock.Lease secondLease = lock.acquire(second, SHORT);
        assertEquals(1, count(second));
        assertThrows(SQLException.class, () -> lock.acquire(first, SHORT), "now the second one holds it");
        second.rollback();
        secondLease.close();
        lock.acquire(first, SHORT).close();
        first.rollback();
    }

    @Test
    void aWaitingAcquireProceedsWhenTheHolderRollsBack() throws Exception {
        MigrationLock lock = dialect.lock();
        lock.acquire(first, LONG);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Future<MigrationLock.Lease> waiting = pool.submit(() -> {
                started.complete(null);
                return lock.acquire(second, LONG);
            });
            started.get();
            try (Statement st = first.createStatement()) {
                st.execute("INSERT INTO t VALUES (2)");
            }
            first.rollback();
            MigrationLock.Lease lease = waiting.get(LONG.toSeconds(), TimeUnit.SECONDS);
            assertThrows(SQLException.class, () -> lock.acquire(first, SHORT), "the waiter got the lock");
            assertEquals(0, count(second), "the holder's insert was rolled back");
            lease.close();
            second.rollback();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLockBlocksOtherWritersNotReaders() throws Exception {
        dialect.lock().acquire(first, LONG);
        try (Connection other = dialect.connect(dialect.jdbcUrl(null, null, dir.resolve("lock.db").toString()),
                props("busy_timeout", "100"));
             Statement st = other.createStatement()) {
            assertEquals(0, count(other));
            SQLException e = assertThrows(SQLException.class, () -> st.execute("INSERT INTO t VALUES (3)"));
            assertTrue(e.getMessage().contains("SQLITE_BUSY"), e.getMessage());
        }
        first.rollback();
    }

    @Test
    void acquireNeedsAutoCommitOffAndWorksAfterARead() throws Exception {
        Connection auto = dialect.connect(dialect.jdbcUrl(null, null, dir.resolve("lock.db").toString()),
                new Properties());
        try (auto) {
            SQLException e = assertThrows(SQLException.class, () -> dialect.lock().acquire(auto, SHORT));
            assertTrue(e.getMessage().contains("setAutoCommit(false)"), e.getMessage());
        }
        assertEquals(0, count(first));
        dialect.lock().acquire(first, SHORT).close();
        assertThrows(SQLException.class, () -> dialect.lock().acquire(second, SHORT));
        first.rollback();
    }

    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    private static int count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
