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

    /** A held lock; closing it releases the lock. */
    interface Lease extends AutoCloseable {
        @Override
        void close() throws SQLException;
    }
}
