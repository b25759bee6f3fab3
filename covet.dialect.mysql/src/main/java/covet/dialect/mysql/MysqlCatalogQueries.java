package covet.dialect.mysql;

/**
 * The information_schema queries of {@link MysqlIntrospector}: each reads one kind of object for the whole current
 * database, so introspection costs the same five queries for five tables or five thousand.
 */
final class MysqlCatalogQueries {
    private MysqlCatalogQueries() {
    }

    static final String TABLES = """
            SELECT TABLE_NAME, TABLE_COMMENT, TABLE_COLLATION, ENGINE, CREATE_OPTIONS, @@default_storage_engine,
                   (SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE())
              FROM information_schema.TABLES
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'
            """;

    static final String COLUMNS = """
            SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT,
                   GENERATION_EXPRESSION, COLLATION_NAME, CHARACTER_SET_NAME
              FROM information_schema.COLUMNS
             WHERE TABLE_SCHEMA = DATABASE()
             ORDER BY TABLE_NAME, ORDINAL_POSITION
            """;

    /** MariaDB's STATISTICS has no EXPRESSION column: it has no functional key parts. */
    static String statistics(MysqlFlavor flavor) {
        return """
                SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, SUB_PART, COLLATION,
                       INDEX_TYPE, %s AS EXPRESSION, INDEX_COMMENT
                  FROM information_schema.STATISTICS
                 WHERE TABLE_SCHEMA = DATABASE()
                 ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
                """.formatted(flavor == MysqlFlavor.MYSQL ? "EXPRESSION" : "NULL");
    }

    static final String FOREIGN_KEYS = """
            SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,
                   k.REFERENCED_COLUMN_NAME, r.UPDATE_RULE, r.DELETE_RULE
              FROM information_schema.KEY_COLUMN_USAGE k
              JOIN information_schema.REFERENTIAL_CONSTRAINTS r
                ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
               AND r.TABLE_NAME = k.TABLE_NAME
             WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
             ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
            """;

    /**
     * MariaDB names checks per table (a column check is named after its column) and lists the table in
     * CHECK_CONSTRAINTS; MySQL names them per schema and needs TABLE_CONSTRAINTS for the table.
     */
    static String checks(MysqlFlavor flavor) {
        return flavor == MysqlFlavor.MARIADB ? """
                SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE
                  FROM information_schema.CHECK_CONSTRAINTS
                 WHERE CONSTRAINT_SCHEMA = DATABASE()
                """ : """
                SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
                  FROM information_schema.TABLE_CONSTRAINTS tc
                  JOIN information_schema.CHECK_CONSTRAINTS cc
                    ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                 WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK'
                """;
    }

    /** The partitions (and subpartitions) of every partitioned table, in order. */
    static final String PARTITIONS = """
            SELECT TABLE_NAME, PARTITION_NAME, SUBPARTITION_NAME, PARTITION_METHOD, SUBPARTITION_METHOD,
                   PARTITION_EXPRESSION, SUBPARTITION_EXPRESSION, PARTITION_DESCRIPTION, PARTITION_COMMENT
              FROM information_schema.PARTITIONS
             WHERE TABLE_SCHEMA = DATABASE() AND PARTITION_NAME IS NOT NULL
             ORDER BY TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION
            """;

    static final String TABLE_EXISTS = """
            SELECT 1 FROM information_schema.TABLES
             WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' AND BINARY TABLE_NAME = ?
            """;
}
