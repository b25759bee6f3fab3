package covet.engine.run;

import covet.api.CovetException;

/** A statement of a migration failed; the message names the migration, the operation, the SQL and the outcome. */
public class StatementFailedException extends CovetException {
    private final String migrationId;
    private final int operationIndex;
    private final String sql;

    public StatementFailedException(String message, String migrationId, int operationIndex, String sql,
                                    Throwable cause) {
        super(message, cause);
        this.migrationId = migrationId;
        this.operationIndex = operationIndex;
        this.sql = sql;
    }

    public String migrationId() {
        return migrationId;
    }

    /** 1-based index of the failed operation. */
    public int operationIndex() {
        return operationIndex;
    }

    /** The statement that failed, or null when rendering failed before any SQL existed. */
    public String sql() {
        return sql;
    }

    /**
     * What state the failure left the database in ("Nothing of this migration was changed (rolled back)...",
     * "Operations 1..2 were applied and are recorded..."): the runner writes it as the message's last line.
     */
    public String databaseState() {
        String message = getMessage() == null ? "" : getMessage();
        return message.substring(message.lastIndexOf('\n') + 1).strip();
    }
}
