package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.spi.MigrationLock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET_LOCK between two real sessions. */
class MysqlLockTest {
    private static MysqlTestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = MysqlTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static long holderOf(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(IS_USED_LOCK('" + name + "'), 0)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void secondSessionWaitsThenGetsTheLockWhenTheHolderDies() throws SQLException {
        MigrationLock lock = db.dialect.lock();
        String name = MysqlLock.lockName(db.name);
        try (Connection second = db.connect()) {
            Connection first = db.connect();
            lock.acquire(first, Duration.ofSeconds(1));
            assertTrue(holderOf(second, name) > 0, "the server shows the lock held");
            SQLException e = assertThrows(SQLException.class, () -> lock.acquire(second, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().startsWith("mysql: timed out"), e.getMessage());
            assertTrue(e.getMessage().contains(name), e.getMessage());
            first.close();
            try (MigrationLock.Lease lease = lock.acquire(second, Duration.ofSeconds(10))) {
                assertEquals(connectionId(second), holderOf(second, name));
            }
            assertEquals(0, holderOf(second, name), "closing the lease releases the lock");
        }
    }

    @Test
    void closingTheLeaseLetsTheNextSessionInAtOnce() throws SQLException {
        MigrationLock lock = db.dialect.lock();
        try (Connection a = db.connect(); Connection b = db.connect()) {
            MigrationLock.Lease lease = lock.acquire(a, Duration.ZERO);
            assertThrows(SQLException.class, () -> lock.acquire(b, Duration.ZERO));
            lease.close();
            lock.acquire(b, Duration.ZERO).close();
        }
    }

    @Test
    void lockNamesFitSixtyFourCharacters() {
        assertEquals("covet:shop", MysqlLock.lockName("shop"));
        String longName = MysqlLock.lockName("d".repeat(64));
        assertEquals(64, longName.length());
        assertTrue(longName.startsWith("covet:"));
    }

    private static long connectionId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
