package covet.dialect.postgres;

/**
 * The catalog queries that read tables for {@link PostgresIntrospector}. Each reads one kind of thing for every
 * table of every user schema at once (joins over pg_catalog, never a query per table), so introspection costs the
 * same number of round trips whatever the size of the database. The other objects are read by
 * {@link PostgresObjectQueries}.
 */
final class PostgresCatalogQueries {

    private PostgresCatalogQueries() {
    }

    /** A namespace the user made: not a system one, not a temporary or TOAST one. */
    static final String USER_NAMESPACE = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

    /** The object {@code oid} of catalog {@code catalog} is not a member of an extension (which creates it). */
    static String notInExtension(String catalog, String oid) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog." + catalog
                + "'::regclass AND x.objid = " + oid + " AND x.deptype = 'e')";
    }

    /** A collation's model name: plain in pg_catalog, {@code schema.name} elsewhere; {@code cl}/{@code cn}. */
    static final String COLLATION_NAME = "CASE WHEN cn.nspname = 'pg_catalog' AND strpos(cl.collname, '.') = 0 "
            + "THEN cl.collname ELSE cn.nspname || '.' || cl.collname END";

    /** Relations of the given relkinds in user schemas, as CTE {@code t}. */
    private static String userRelations(String relkinds) {
        return """
                WITH t AS (
                    SELECT c.oid, n.nspname, c.relname
                    FROM pg_catalog.pg_class c
                    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN (%s) AND %s AND %s
                )
                """.formatted(relkinds, USER_NAMESPACE, notInExtension("pg_class", "c.oid"));
    }

    private static final String USER_TABLES = userRelations("'r', 'p'");

    /**
     * Tables and partitioned tables with their parents (pg_inherits, in inhseqno order: the partition's parent or
     * the INHERITS parents), partition key and bound, and storage parameters (the TOAST table's prefixed
     * {@code toast.}).
     */
    static final String TABLES = USER_TABLES + """
            SELECT t.oid, t.nspname, t.relname, pg_catalog.obj_description(t.oid, 'pg_class') AS comment,
                   c.relkind, c.relpersistence, c.relispartition,
                   CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_by,
                   CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS bound,
                   ARRAY(SELECT pn.nspname FROM pg_catalog.pg_inherits i
                         JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                         JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_schemas,
                   ARRAY(SELECT pc.relname FROM pg_catalog.pg_inherits i
                         JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                         WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_names,
                   ARRAY(SELECT o FROM unnest(c.reloptions) o
                         UNION ALL
                         SELECT 'toast.' || o FROM pg_catalog.pg_class tc, unnest(tc.reloptions) o
                         WHERE tc.oid = c.reltoastrelid) AS options
            FROM t
            JOIN pg_catalog.pg_class c ON c.oid = t.oid
            """;

    /**
     * Columns with identity, generation, whether they are declared locally (not only inherited), and their
     * collation when it is not their type's.
     */
    static final String COLUMNS = USER_TABLES + """
            SELECT a.attrelid, a.attnum, a.attname,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull, a.attidentity, a.attgenerated, a.attislocal,
                   pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_value,
                   CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN %s END AS collation,
                   pg_catalog.col_description(a.attrelid, a.attnum) AS comment
            FROM t
            JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
            JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_catalog.pg_collation cl ON cl.oid = a.attcollation
            LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
            WHERE a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attrelid, a.attnum
            """.formatted(COLLATION_NAME);

    /**
     * Constraints a table declares itself: not those a partition gets from its parent (conparentid), not CHECKs
     * only inherited (conislocal), with their comments. {@code nulls_not_distinct} and {@code set_columns} (the
     * columns of {@code ON DELETE SET NULL (a)}, in the order written) are read through to_jsonb so that the query
     * also runs before PostgreSQL 15, which has no such columns.
     */
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
                   co.confdeltype, co.confupdtype, co.condeferrable, co.condeferred, co.convalidated,
                   COALESCE((SELECT (to_jsonb(i) ->> 'indnullsnotdistinct')::boolean FROM pg_catalog.pg_index i
                             WHERE i.indexrelid = co.conindid), false) AS nulls_not_distinct,
                   ARRAY(SELECT a.attname
                         FROM jsonb_array_elements_text(COALESCE(NULLIF(to_jsonb(co) -> 'confdelsetcols',
                                                                        'null'::jsonb), '[]'::jsonb))
                              WITH ORDINALITY k(num, ord)
                         JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.num::int2
                         ORDER BY k.ord) AS set_columns,
                   pg_catalog.pg_get_constraintdef(co.oid, true) AS definition,
                   pg_catalog.obj_description(co.oid, 'pg_constraint') AS comment
            FROM t
            JOIN pg_catalog.pg_constraint co ON co.conrelid = t.oid
            LEFT JOIN pg_catalog.pg_class rc ON rc.oid = co.confrelid
            LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE co.contype IN ('p', 'u', 'f', 'c', 'x') AND co.conparentid = 0
              AND (co.contype <> 'c' OR co.conislocal)
            ORDER BY co.conrelid, co.conname
            """;

    /**
     * Indexes of tables and materialized views that no PRIMARY KEY, UNIQUE or EXCLUDE constraint owns and that are
     * not attached to a parent index (a partition's copy). Per key part: the column name ('' for an expression),
     * the deparsed SQL, indoption and the operator class when it is not the default one ('' otherwise); the
     * trailing {@code indnatts - indnkeyatts} columns are the INCLUDE ones. The comment is the index's own.
     */
    static final String INDEXES = userRelations("'r', 'p', 'm'") + """
            SELECT i.indrelid, ic.relname AS name, i.indisunique, am.amname AS method, i.indnkeyatts,
                   i.indoption::text AS options,
                   COALESCE((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
                   pg_catalog.pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
                   ARRAY(SELECT COALESCE(a.attname, '')
                         FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
                         LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num
                         ORDER BY k.ord) AS columns,
                   ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
                         FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS key_sql,
                   ARRAY(SELECT CASE WHEN oc.opcdefault THEN ''
                                     WHEN ocn.nspname IN ('pg_catalog', pg_catalog.current_schema())
                                     THEN oc.opcname ELSE ocn.nspname || '.' || oc.opcname END
                         FROM unnest(i.indclass::oid[]) WITH ORDINALITY k(cls, ord)
                         JOIN pg_catalog.pg_opclass oc ON oc.oid = k.cls
                         JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
                         ORDER BY k.ord) AS opclasses,
                   pg_catalog.obj_description(i.indexrelid, 'pg_class') AS comment
            FROM t
            JOIN pg_catalog.pg_index i ON i.indrelid = t.oid
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_am am ON am.oid = ic.relam
            WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                              WHERE co.conrelid = i.indrelid AND co.conindid = i.indexrelid
                                AND co.contype IN ('p', 'u', 'x'))
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
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
