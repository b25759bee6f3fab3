package covet.dialect.mysql;

import covet.api.CovetException;

/** An operation asks for something MySQL cannot do (a partial index, ...); thrown when it is rendered. */
public final class MysqlUnsupportedException extends CovetException {
    public MysqlUnsupportedException(String message) {
        super("mysql: " + message);
    }
}
