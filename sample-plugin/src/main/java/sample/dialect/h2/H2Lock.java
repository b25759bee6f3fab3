package sample.dialect.h2;

import covet.api.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * H2 has no advisory locks, and every DDL statement commits the session's transaction, so the lock is a row lock
 * held by a session of its own: {@code SELECT ... FOR UPDATE} on the one row of {@code covet_lock.migration_lock},
 * kept until the lease closes. A holder that dies loses its session, and with it the lock. The table lives in a
 * schema of its own, outside what the introspector reads.
 */
final class H2Lock implements MigrationLock {
    private static final String SCHEMA = "\"covet_lock\"";
    private static final String TABLE = SCHEMA + ".\"migration_lock\"";

    /** H2's error code for "Timeout trying to lock table". */
    private static final int LOCK_TIMEOUT = 50200;

    private final H2Dialect dialect;

    H2Lock(H2Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public Lease acquire(Connection connection, Duration timeout) throws SQLException {
        H2Dialect.Opened how = dialect.openedWith(connection);
        Connection session = how != null ? dialect.connect(how.url(), how.properties())
                : dialect.connect(connection.getMetaData().getURL(), userOf(connection));
        try (Statement s = session.createStatement()) {
            // SET takes no bind parameter; the value is a number this method computed
            s.execute("SET LOCK_TIMEOUT " + Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            s.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (\"id\" INTEGER PRIMARY KEY)");
            // a plain read takes no row lock, so this does not wait while another session holds the row
            s.execute("INSERT INTO " + TABLE + " (\"id\") SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + ")");
            session.setAutoCommit(false);
            s.executeQuery("SELECT \"id\" FROM " + TABLE + " WHERE \"id\" = 1 FOR UPDATE").close();
        } catch (SQLException e) {
            session.close();
            if (e.getErrorCode() == LOCK_TIMEOUT) {
                throw new SQLException("h2: another session holds the migration lock (a migration run); waited "
                        + timeout + " for it", e.getSQLState(), e);
            }
            throw new SQLException("h2: cannot take the migration lock: " + e.getMessage(), e.getSQLState(), e);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return () -> {
            try {
                session.rollback();
            } finally {
                session.close();
            }
        };
    }

    private static Properties userOf(Connection connection) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", connection.getMetaData().getUserName());
        return p;
    }
}
