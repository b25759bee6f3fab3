package covet.api.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The one lock per database that keeps two deployers from applying the same migration. It must be released by the
 * database itself when the holder dies (advisory lock, GET_LOCK, a transaction): never a row to repair by hand.
 */
public interface MigrationLock {

    /** Waits at most {@code timeout} for the lock; throws an {@link SQLException} saying who holds it if it can. */
    Lease acquire(Connection connection, Duration timeout) throws SQLException;

    /**
     * The statements that take this lock in an SQL script a DBA runs by hand ({@code covet migrate --sql}), for the
     * database {@code jdbcUrl} names; empty when the database needs none.
     */
    default java.util.List<String> lockScript(String jdbcUrl) {
        return java.util.List.of();
    }

    /** The statements that release what {@link #lockScript} took. */
    default java.util.List<String> unlockScript(String jdbcUrl) {
        return java.util.List.of();
    }

    /** A held lock; closing it releases the lock. */
    interface Lease extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
