package covet.dialect.postgres;

/**
 * The catalog queries of {@link PostgresIntrospector}. Each reads one kind of object for every table of every user
 * schema at once (joins over pg_catalog, never a query per table), so introspection costs the same number of
 * round trips whatever the size of the database.
 */
final class PostgresCatalogQueries {

    private PostgresCatalogQueries() {
    }

    /** User schemas: not the system ones, not temporary ones, not those an extension owns. */
    private static final String USER_TABLES = """
            WITH t AS (
                SELECT c.oid, n.nspname, c.relname
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                  AND n.nspname NOT LIKE 'pg\\_toast%'
                  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                  WHERE d.classid = 'pg_catalog.pg_class'::regclass
                                    AND d.objid = c.oid AND d.deptype = 'e')
            )
            """;

    static final String TABLES = USER_TABLES + """
            SELECT t.oid, t.nspname, t.relname, pg_catalog.obj_description(t.oid, 'pg_class') AS comment,
                   pg_catalog.current_schema() AS current_schema
            FROM t
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, pg_catalog.current_schema()
            """;

    /**
     * {@code owned_serial}: the default is nextval() of a sequence owned by this column (what {@code serial}
     * creates), found through the two pg_depend rows that bind the sequence to the column and the default to the
     * sequence.
     */
    static final String COLUMNS = USER_TABLES + """
            SELECT a.attrelid, a.attnum, a.attname,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull, a.attidentity, a.attgenerated,
                   pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_value,
                   EXISTS (SELECT 1
                           FROM pg_catalog.pg_depend ds
                           JOIN pg_catalog.pg_depend dd
                             ON dd.refclassid = 'pg_catalog.pg_class'::regclass AND dd.refobjid = ds.objid
                           WHERE ds.classid = 'pg_catalog.pg_class'::regclass
                             AND ds.refclassid = 'pg_catalog.pg_class'::regclass
                             AND ds.refobjid = a.attrelid AND ds.refobjsubid = a.attnum AND ds.deptype = 'a'
                             AND dd.classid = 'pg_catalog.pg_attrdef'::regclass AND dd.objid = ad.oid)
                       AS owned_serial,
                   pg_catalog.col_description(a.attrelid, a.attnum) AS comment
            FROM t
            JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
            LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            WHERE a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """;

    static final String CONSTRAINTS = USER_TABLES + """
            SELECT co.conrelid, co.conname, co.contype,
                   ARRAY(SELECT a.attname
                         FROM unnest(co.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.num
                         ORDER BY k.ord) AS columns,
                   rn.nspname AS ref_schema, rc.relname AS ref_table,
                   ARRAY(SELECT a.attname
                         FROM unnest(co.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = co.confrelid AND a.attnum = k.num
                         ORDER BY k.ord) AS ref_columns,
                   co.confdeltype, co.confupdtype,
                   pg_catalog.pg_get_constraintdef(co.oid, true) AS definition
            FROM t
            JOIN pg_catalog.pg_constraint co ON co.conrelid = t.oid
            LEFT JOIN pg_catalog.pg_class rc ON rc.oid = co.confrelid
            LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE co.contype IN ('p', 'u', 'f', 'c')
            ORDER BY co.conrelid, co.conname
            """;

    /** Indexes that no PRIMARY KEY, UNIQUE or EXCLUDE constraint owns; key parts as attnums and as deparsed SQL. */
    static final String INDEXES = USER_TABLES + """
            SELECT i.indrelid, ic.relname AS name, i.indisunique,
                   i.indkey::text AS keys, i.indoption::text AS options,
                   pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                   ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                         FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS key_sql
            FROM t
            JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                              WHERE co.conrelid = i.indrelid AND co.conindid = i.indexrelid
                                AND co.contype IN ('p', 'u', 'x'))
            ORDER BY i.indrelid, ic.relname
            """;

    static final String TABLE_EXISTS = """
            SELECT EXISTS (
                SELECT 1 FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND c.relname = ?
                  AND n.nspname = COALESCE(?, pg_catalog.current_schema()))
            """;
}
