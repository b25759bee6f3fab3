package covet.dialect.sqlite;

import covet.api.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.sqlite.SQLiteConnection;

/**
 * SQLite's migration lock is its write lock, held by the run's own transaction: a second deployer's acquire waits
 * (SQLite's busy handler, for at most the timeout) until the first commits or rolls back, and a crashed holder
 * releases it with its connection.
 *
 * <p>sqlite-jdbc opens a transaction eagerly: {@code setAutoCommit(false)} and every {@code commit()} issue the
 * configured {@code BEGIN} at once, DEFERRED by default (the dialect pins DEFERRED, so that a commit does not
 * re-take the write lock). A deferred transaction holds no lock until its first statement, so {@link #acquire}
 * swaps it for {@code BEGIN IMMEDIATE}, which takes the RESERVED lock or waits for it, as sqlite-jdbc does itself
 * to upgrade a read-only transaction. The connection is therefore in a transaction before and after, as the driver
 * expects. Under the runner's contract the transaction is still empty at that point; whatever it did hold is
 * committed first (a read snapshot kept open would make SQLite refuse the upgrade without waiting).
 */
final class SqliteLock implements MigrationLock {

    /** A script holds the write lock the same way the runner does: one immediate transaction around it all. */
    @Override
    public java.util.List<String> lockScript(String jdbcUrl) {
        return java.util.List.of("BEGIN IMMEDIATE");
    }

    @Override
    public java.util.List<String> unlockScript(String jdbcUrl) {
        return java.util.List.of("COMMIT");
    }

    @Override
    public Lease acquire(Connection connection, Duration timeout) throws SQLException {
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        if (sqlite.getAutoCommit()) {
            throw new SQLException("sqlite: the migration lock is the write transaction; call setAutoCommit(false)"
                    + " before acquiring it");
        }
        int previous = sqlite.getBusyTimeout();
        long millis = Math.max(0, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        sqlite.setBusyTimeout((int) millis);
        try {
            sqlite.getDatabase().exec("COMMIT", false);
            try {
                sqlite.getDatabase().exec("BEGIN IMMEDIATE", false);
            } catch (SQLException busy) {
                sqlite.getDatabase().exec("BEGIN", false);
                throw new SQLException("sqlite: another connection holds the database's write lock (a migration run"
                        + " or another writer); waited " + timeout + " for it", busy.getSQLState(), busy);
            }
        } finally {
            sqlite.setBusyTimeout(previous);
        }
        return () -> {
            // the runner's commit or rollback ends the transaction, and with it the lock
        };
    }
}
