package covet.dialect.sqlite;

import covet.api.CovetException;

/**
 * An operation asks for something SQLite cannot hold (a named object other than a table, an exclusion constraint,
 * an index method); thrown when it is rendered, so nothing is dropped silently.
 */
public final class SqliteUnsupportedException extends CovetException {
    public SqliteUnsupportedException(String message) {
        super(SqliteDialect.NAME + ": " + message);
    }
}
