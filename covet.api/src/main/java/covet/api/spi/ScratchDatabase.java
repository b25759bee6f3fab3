package covet.api.spi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A database that exists only while a schema source runs SQL DDL in it and reads it back: SQLite in memory, or a
 * temporary database on a server. Closing it removes it, also after a failure.
 */
public interface ScratchDatabase extends AutoCloseable {

    Connection connection();

    @Override
    void close() throws SQLException;
}
