package covet.dialect.mysql;

/**
 * The information_schema queries of {@link MysqlObjectReader}: views, routines, routine parameters, triggers and
 * events, each one query for the whole current database.
 */
final class MysqlObjectQueries {
    private MysqlObjectQueries() {
    }

    static final String VIEWS = """
            SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, SECURITY_TYPE, ALGORITHM
              FROM information_schema.VIEWS
             WHERE TABLE_SCHEMA = DATABASE()
             ORDER BY TABLE_NAME
            """;

    static final String ROUTINES = """
            SELECT ROUTINE_NAME, ROUTINE_TYPE, ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, SECURITY_TYPE,
                   ROUTINE_COMMENT
              FROM information_schema.ROUTINES
             WHERE ROUTINE_SCHEMA = DATABASE()
             ORDER BY ROUTINE_NAME
            """;

    /** ORDINAL_POSITION 0 is a function's return type. */
    static final String PARAMETERS = """
            SELECT SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
              FROM information_schema.PARAMETERS
             WHERE SPECIFIC_SCHEMA = DATABASE()
             ORDER BY SPECIFIC_NAME, ORDINAL_POSITION
            """;

    /**
     * MariaDB keeps a routine's parameter list and return type as typed in mysql.proc, and SHOW CREATE prints
     * them from there; information_schema.PARAMETERS has them in the server's spelling. Read where readable.
     */
    static final String PROC = """
            SELECT name, type, param_list, returns FROM mysql.proc WHERE db = DATABASE()
            """;

    static final String TRIGGERS = """
            SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, ACTION_STATEMENT
              FROM information_schema.TRIGGERS
             WHERE TRIGGER_SCHEMA = DATABASE()
             ORDER BY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER
            """;

    static final String EVENTS = """
            SELECT EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD, STARTS, ENDS,
                   STATUS, ON_COMPLETION, EVENT_COMMENT, CREATED
              FROM information_schema.EVENTS
             WHERE EVENT_SCHEMA = DATABASE()
             ORDER BY EVENT_NAME
            """;
}
