package covet.api.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database that exists only while a schema source runs SQL DDL in it and reads it back: SQLite in memory, or a
 * temporary database on a server. Closing it removes it, also after a failure.
 */
public interface ScratchDatabase extends AutoCloseable {

    Connection connection();

    /**
     * A session for reading the result back, free of what the script set in its own session (an emptied
     * {@code search_path}, a {@code USE} of another database). Closed with the scratch database.
     */
    default Connection readSession() throws SQLException {
        return connection();
    }

    @Override
    void close() throws SQLException;
}
