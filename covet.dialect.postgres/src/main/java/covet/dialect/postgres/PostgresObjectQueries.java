package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresCatalogQueries.COLLATION_NAME;
import static covet.dialect.postgres.PostgresCatalogQueries.USER_NAMESPACE;
import static covet.dialect.postgres.PostgresCatalogQueries.notInExtension;

/**
 * The catalog queries that read the named objects other than tables, one query per family for the whole database
 * (aggregated arrays instead of a query per object). Objects an extension owns are left out: the extension creates
 * them.
 */
final class PostgresObjectQueries {

    private PostgresObjectQueries() {
    }

    /**
     * The current schema (one row of kind {@code current}, always there), the user's schemas other than
     * {@code public} and the current one, and the extensions but plpgsql, which every database has. An extension's
     * comment is reported only when it is not the one its control file gives (CREATE EXTENSION sets that one).
     */
    static final String NAMESPACES = """
            SELECT 'current' AS kind, NULL::oid AS oid, pg_catalog.current_schema() AS name, NULL::name AS schema,
                   NULL::text AS comment
            UNION ALL
            SELECT 'namespace', n.oid, n.nspname, NULL, pg_catalog.obj_description(n.oid, 'pg_namespace')
            FROM pg_catalog.pg_namespace n
            WHERE %1$s AND n.nspname <> 'public'
              AND n.nspname IS DISTINCT FROM pg_catalog.current_schema() AND %2$s
            UNION ALL
            SELECT 'extension', e.oid, e.extname, en.nspname,
                   NULLIF(pg_catalog.obj_description(e.oid, 'pg_extension'), ae.comment)
            FROM pg_catalog.pg_extension e
            JOIN pg_catalog.pg_namespace en ON en.oid = e.extnamespace
            LEFT JOIN pg_catalog.pg_available_extensions ae ON ae.name = e.extname
            WHERE e.extname <> 'plpgsql'
            """.formatted(USER_NAMESPACE, notInExtension("pg_namespace", "n.oid"));

    /**
     * Enums with their labels, domains with their base type, default, collation and CHECKs, and stand-alone
     * composite types with their attributes: arrays aggregated per type.
     */
    static final String TYPES = """
            SELECT t.oid, t.typtype, n.nspname, t.typname, t.typrelid,
                   pg_catalog.obj_description(t.oid, 'pg_type') AS comment,
                   ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e
                         WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
                   CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END AS base_type,
                   t.typnotnull, t.typdefault,
                   CASE WHEN t.typtype = 'd' AND t.typcollation <> 0 AND t.typcollation <> bt.typcollation
                        THEN (SELECT %1$s FROM pg_catalog.pg_collation cl
                              JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
                              WHERE cl.oid = t.typcollation) END AS collation,
                   ARRAY(SELECT co.conname FROM pg_catalog.pg_constraint co
                         WHERE co.contypid = t.oid AND co.contype = 'c' ORDER BY co.conname) AS check_names,
                   ARRAY(SELECT pg_catalog.pg_get_constraintdef(co.oid, true) FROM pg_catalog.pg_constraint co
                         WHERE co.contypid = t.oid AND co.contype = 'c' ORDER BY co.conname) AS check_definitions,
                   ARRAY(SELECT co.convalidated FROM pg_catalog.pg_constraint co
                         WHERE co.contypid = t.oid AND co.contype = 'c' ORDER BY co.conname) AS check_validated,
                   ARRAY(SELECT COALESCE(pg_catalog.obj_description(co.oid, 'pg_constraint'), '')
                         FROM pg_catalog.pg_constraint co
                         WHERE co.contypid = t.oid AND co.contype = 'c' ORDER BY co.conname) AS check_comments,
                   ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
                         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                         ORDER BY a.attnum) AS attribute_names,
                   ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
                         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                         ORDER BY a.attnum) AS attribute_types,
                   ARRAY(SELECT CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation
                                     THEN %1$s ELSE '' END
                         FROM pg_catalog.pg_attribute a
                         JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                         LEFT JOIN pg_catalog.pg_collation cl ON cl.oid = a.attcollation
                         LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = cl.collnamespace
                         WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                         ORDER BY a.attnum) AS attribute_collations
            FROM pg_catalog.pg_type t
            JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
            WHERE (t.typtype IN ('e', 'd')
                   OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c
                                                   WHERE c.oid = t.typrelid AND c.relkind = 'c')))
              AND %2$s AND %3$s
            """.formatted(COLLATION_NAME, USER_NAMESPACE, notInExtension("pg_type", "t.oid"));

    /**
     * Sequences but those of identity columns (pg_depend deptype 'i'), with their options and the column that owns
     * them (deptype 'a': serial, OWNED BY).
     */
    static final String SEQUENCES = """
            SELECT c.oid, n.nspname, c.relname, pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
                   s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
                   own.nspname AS owner_schema, own.relname AS owner_table, own.attname AS owner_column,
                   pg_catalog.obj_description(c.oid, 'pg_class') AS comment
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
            LEFT JOIN LATERAL (
                SELECT tn.nspname, tc.relname, a.attname
                FROM pg_catalog.pg_depend d
                JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
                JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype = 'a' AND d.refobjsubid > 0
                LIMIT 1) own ON true
            WHERE c.relkind = 'S' AND %1$s AND %2$s
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
                                AND d.deptype = 'i')
            """.formatted(USER_NAMESPACE, notInExtension("pg_class", "c.oid"));

    /** Views and materialized views with their query as the server deparses it. */
    static final String VIEWS = """
            SELECT c.oid, n.nspname, c.relname, c.relkind, pg_catalog.pg_get_viewdef(c.oid) AS definition,
                   c.relispopulated, pg_catalog.obj_description(c.oid, 'pg_class') AS comment
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND %1$s AND %2$s
            """.formatted(USER_NAMESPACE, notInExtension("pg_class", "c.oid"));

    /**
     * Functions and procedures (not aggregates nor window functions, not the constructors a range type owns),
     * named by their input argument types; the definition is the complete CREATE OR REPLACE statement.
     */
    static final String ROUTINES = """
            SELECT p.oid, n.nspname, p.proname, p.prokind, pg_catalog.oidvectortypes(p.proargtypes) AS arguments,
                   pg_catalog.pg_get_functiondef(p.oid) AS definition,
                   pg_catalog.obj_description(p.oid, 'pg_proc') AS comment
            FROM pg_catalog.pg_proc p
            JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
            WHERE p.prokind IN ('f', 'p') AND %1$s AND %2$s
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                              WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                                AND d.deptype = 'i')
            """.formatted(USER_NAMESPACE, notInExtension("pg_proc", "p.oid"));

    /**
     * Triggers the user created on tables and views: not the internal ones (foreign keys), not the copies a
     * partition gets from its parent's trigger (tgparentid).
     */
    static final String TRIGGERS = """
            SELECT tg.oid, n.nspname, c.relname, tg.tgname, pg_catalog.pg_get_triggerdef(tg.oid) AS definition,
                   pg_catalog.obj_description(tg.oid, 'pg_trigger') AS comment
            FROM pg_catalog.pg_trigger tg
            JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND c.relkind IN ('r', 'p', 'v')
              AND %1$s AND %2$s
            """.formatted(USER_NAMESPACE, notInExtension("pg_class", "c.oid"));

    /**
     * What each object needs, from pg_depend, for objects the user created (oid >= 16384, FirstNormalObjectId):
     * a view's dependencies are its rewrite rule's, a domain CHECK's are the domain's. On the referenced side an
     * array type stands for its element type, a table's row type for the table, and anything an extension owns
     * is named by that extension.
     */
    static final String DEPENDENCIES = """
            WITH d AS (
                SELECT CASE WHEN d.classid IN ('pg_catalog.pg_rewrite'::regclass) THEN 'pg_class'
                            WHEN d.classid = 'pg_catalog.pg_constraint'::regclass THEN 'pg_type'
                            ELSE d.classid::regclass::text END AS dep_class,
                       CASE WHEN d.classid = 'pg_catalog.pg_rewrite'::regclass THEN r.ev_class
                            WHEN d.classid = 'pg_catalog.pg_constraint'::regclass THEN co.contypid
                            ELSE d.objid END AS dep_oid,
                       d.refclassid, d.refobjid
                FROM pg_catalog.pg_depend d
                LEFT JOIN pg_catalog.pg_rewrite r
                       ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND r.oid = d.objid
                LEFT JOIN pg_catalog.pg_constraint co
                       ON d.classid = 'pg_catalog.pg_constraint'::regclass AND co.oid = d.objid
                WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384 AND d.refobjid >= 16384
                  AND d.classid IN ('pg_catalog.pg_rewrite'::regclass, 'pg_catalog.pg_constraint'::regclass,
                                    'pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_type'::regclass,
                                    'pg_catalog.pg_trigger'::regclass, 'pg_catalog.pg_class'::regclass,
                                    'pg_catalog.pg_extension'::regclass)
                  AND (d.classid <> 'pg_catalog.pg_constraint'::regclass OR co.contypid <> 0)
                  AND (d.classid <> 'pg_catalog.pg_class'::regclass
                       OR EXISTS (SELECT 1 FROM pg_catalog.pg_class k WHERE k.oid = d.objid AND k.relkind = 'c'))
            ), ref AS (
                SELECT d.dep_class, d.dep_oid,
                       CASE WHEN d.refclassid <> 'pg_catalog.pg_type'::regclass THEN d.refclassid
                            WHEN rc.relkind IS NOT NULL AND rc.relkind <> 'c' THEN 'pg_catalog.pg_class'::regclass::oid
                            ELSE 'pg_catalog.pg_type'::regclass::oid END AS ref_classid,
                       CASE WHEN d.refclassid <> 'pg_catalog.pg_type'::regclass THEN d.refobjid
                            WHEN rc.relkind IS NOT NULL AND rc.relkind <> 'c' THEN rc.oid
                            ELSE et.oid END AS ref_oid
                FROM d
                LEFT JOIN pg_catalog.pg_type rt
                       ON d.refclassid = 'pg_catalog.pg_type'::regclass AND rt.oid = d.refobjid
                LEFT JOIN pg_catalog.pg_type et ON et.oid = CASE WHEN rt.typcategory = 'A' AND rt.typelem <> 0
                                                                 THEN rt.typelem ELSE rt.oid END
                LEFT JOIN pg_catalog.pg_class rc ON rc.oid = et.typrelid
            )
            SELECT DISTINCT ref.dep_class, ref.dep_oid, ref.ref_classid::regclass::text AS ref_class, ref.ref_oid,
                   ext.extname AS ref_extension
            FROM ref
            LEFT JOIN pg_catalog.pg_depend x
                   ON x.classid = ref.ref_classid AND x.objid = ref.ref_oid AND x.deptype = 'e'
            LEFT JOIN pg_catalog.pg_extension ext ON ext.oid = x.refobjid
            WHERE ref.dep_oid IS NOT NULL AND ref.ref_oid IS NOT NULL
            """;
}
