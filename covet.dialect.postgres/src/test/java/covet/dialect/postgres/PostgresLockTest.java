package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.spi.MigrationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The advisory migration lock: exclusive, released on close, and released by the server when its session dies. */
class PostgresLockTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static PostgresTestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    /** As the runner does: auto-commit off before acquiring. */
    private static Connection runnerConnection() throws SQLException {
        Connection c = db.connect();
        c.setAutoCommit(false);
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            int pid = rs.getInt(1);
            c.commit();
            return pid;
        }
    }

    private static String state(Connection observer, int pid) throws SQLException {
        try (PreparedStatement ps = observer.prepareStatement("SELECT state FROM pg_stat_activity WHERE pid = ?")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void secondAcquireWaitsUntilTheFirstReleases() throws Exception {
        MigrationLock lock = PostgresTestDatabase.DIALECT.lock();
        try (Connection first = runnerConnection(); Connection second = runnerConnection();
             Connection observer = db.connect()) {
            int firstPid = pid(first);
            MigrationLock.Lease lease = lock.acquire(first, LONG);
            assertEquals("idle", state(observer, firstPid), "acquire leaves no transaction open");

            SQLException refused = assertThrows(SQLException.class,
                    () -> lock.acquire(second, Duration.ofMillis(300)));
            assertTrue(refused.getMessage().startsWith("postgresql: "), refused.getMessage());
            assertTrue(refused.getMessage().contains("pid " + firstPid), refused.getMessage());

            lease.close();
            lease.close();
            try (MigrationLock.Lease again = lock.acquire(second, LONG)) {
                assertThrows(SQLException.class, () -> lock.acquire(first, Duration.ZERO));
            }
            lock.acquire(first, Duration.ZERO).close();
        }
    }

    @Test
    void aClosedSessionFreesTheLock() throws Exception {
        MigrationLock lock = PostgresTestDatabase.DIALECT.lock();
        try (Connection waiter = runnerConnection()) {
            Connection holder = runnerConnection();
            lock.acquire(holder, LONG);
            assertThrows(SQLException.class, () -> lock.acquire(waiter, Duration.ZERO));
            holder.close();
            try (MigrationLock.Lease lease = lock.acquire(waiter, LONG)) {
                assertTrue(lease != null);
            }
        }
    }
}
