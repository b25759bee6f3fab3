package covet.dialect.sqlite;

/**
 * The catalog queries of {@link SqliteIntrospector}: each reads one kind of object for every table at once, by
 * joining {@code sqlite_schema} with SQLite's table-valued pragma functions, so introspection costs four queries
 * whatever the number of tables.
 */
final class SqliteCatalogQueries {
    private SqliteCatalogQueries() {
    }

    /** Ordinary tables of the main database: no sqlite_* internals, virtual tables, shadow tables or views. */
    private static final String USER_TABLES = """
            WITH user_tables AS (
                SELECT m.name AS name, m.sql AS sql, l.wr AS wr, l.strict AS strict
                FROM sqlite_schema AS m
                JOIN pragma_table_list AS l ON l.name = m.name AND l.schema = 'main'
                WHERE m.type = 'table' AND l.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            )
            """;

    static final String TABLES = USER_TABLES + """
            SELECT name, sql, wr, strict FROM user_tables ORDER BY name
            """;

    /** hidden: 0 ordinary, 2 generated virtual, 3 generated stored. */
    static final String COLUMNS = USER_TABLES + """
            SELECT t.name AS table_name, c.cid, c.name AS column_name, c.type, c."notnull", c.dflt_value, c.pk,
                   c.hidden
            FROM user_tables AS t
            JOIN pragma_table_xinfo(t.name) AS c
            ORDER BY t.name, c.cid
            """;

    /** origin: 'c' CREATE INDEX, 'u' UNIQUE constraint, 'pk' PRIMARY KEY; cid -2 marks an expression key part. */
    static final String INDEX_COLUMNS = USER_TABLES + """
            SELECT t.name AS table_name, il.name AS index_name, il."unique", il.origin, il.partial,
                   ix.seqno, ix.cid, ix.name AS column_name, ix."desc", s.sql
            FROM user_tables AS t
            JOIN pragma_index_list(t.name) AS il
            JOIN pragma_index_xinfo(il.name) AS ix
            LEFT JOIN sqlite_schema AS s ON s.type = 'index' AND s.name = il.name
            WHERE ix.key = 1
            ORDER BY t.name, il.name, ix.seqno
            """;

    /** SQLite numbers a table's foreign keys from the last declared, so id DESC is declaration order. */
    static final String FOREIGN_KEYS = USER_TABLES + """
            SELECT t.name AS table_name, f.id, f.seq, f."table" AS referenced_table, f."from" AS column_name,
                   f."to" AS referenced_column, f.on_update, f.on_delete
            FROM user_tables AS t
            JOIN pragma_foreign_key_list(t.name) AS f
            ORDER BY t.name, f.id DESC, f.seq
            """;

    static final String TABLE_EXISTS = """
            SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?
            """;

    /** Rows: table, rowid, parent, fkid. */
    static final String FOREIGN_KEY_CHECK = "PRAGMA foreign_key_check";
}
