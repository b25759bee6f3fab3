package covet.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the schema model does not carry, listed in one catalog query so that nothing is skipped silently: aggregates
 * and window functions, rules, policies (and row level security), publications, event triggers, foreign tables and
 * servers, casts, operators and their classes and families, text search configurations and dictionaries,
 * collations, conversions, range and base types, extended statistics, languages; and the details the model
 * flattens: options of views and indexes, comments on view columns, on the index of a key or a partition's copy of
 * an index and on the constraints a table does not declare itself (a partition's, an inherited CHECK), CHECK NO
 * INHERIT, deferrable primary keys, INCLUDE columns of a key, identity columns whose sequence options are not the
 * defaults, tables without columns.
 * Owners and privileges are out of scope. Objects that belong to an extension are the extension's.
 */
public final class PostgresUnmanagedQuery {

    /** One object or feature Covet does not manage, e.g. {@code rule public.payment.payment_insert_p2007_01}. */
    public record Unmanaged(String kind, String name, String note) {
        @Override
        public String toString() {
            return kind + " " + name + (note == null ? "" : " (" + note + ")");
        }
    }

    private static final String USER_NAMESPACE = PostgresCatalogQueries.USER_NAMESPACE;

    private static String mine(String catalog, String oid) {
        return PostgresCatalogQueries.notInExtension(catalog, oid);
    }

    /** A relation in a user schema, not an extension's: {@code c} joined to {@code n}. */
    private static final String USER_RELATION = """
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE %s AND %s""".formatted(USER_NAMESPACE, mine("pg_class", "c.oid"));

    /** Objects of catalog {@code catalog} with namespace column {@code ns} and name column {@code name}. */
    private static String named(String kind, String catalog, String alias, String ns, String name) {
        return """
                SELECT '%1$s', n.nspname || '.' || %3$s.%5$s, NULL
                FROM pg_catalog.%2$s %3$s JOIN pg_catalog.pg_namespace n ON n.oid = %3$s.%4$s
                WHERE %6$s AND %7$s
                """.formatted(kind, catalog, alias, ns, name, USER_NAMESPACE, mine(catalog, alias + ".oid"));
    }

    static final String QUERY = """
            SELECT kind, name, note FROM (
              SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' ELSE 'window function' END AS kind,
                     n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid)
                         || ')' AS name, NULL AS note
              FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
              WHERE p.prokind IN ('a', 'w') AND %1$s AND %2$s
              UNION ALL
              SELECT 'rule', n.nspname || '.' || c.relname || '.' || r.rulename, NULL
              %3$s AND r.rulename <> '_RETURN'
              UNION ALL
              SELECT 'policy', n.nspname || '.' || c.relname || '.' || po.polname,
                     CASE WHEN c.relrowsecurity THEN 'row level security enabled' END
              %4$s
              UNION ALL
              SELECT 'row level security', n.nspname || '.' || c.relname, NULL
              %5$s AND c.relrowsecurity
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_policy po WHERE po.polrelid = c.oid)
              UNION ALL
              SELECT 'publication', pb.pubname, NULL FROM pg_catalog.pg_publication pb
              UNION ALL
              SELECT 'event trigger', et.evtname, NULL FROM pg_catalog.pg_event_trigger et
              WHERE %6$s
              UNION ALL
              SELECT 'foreign table', n.nspname || '.' || c.relname, NULL %5$s AND c.relkind = 'f'
              UNION ALL
              SELECT 'foreign server', s.srvname, NULL FROM pg_catalog.pg_foreign_server s WHERE %7$s
              UNION ALL
              SELECT 'foreign data wrapper', w.fdwname, NULL FROM pg_catalog.pg_foreign_data_wrapper w WHERE %8$s
              UNION ALL
              SELECT 'cast', '(' || pg_catalog.format_type(ca.castsource, NULL) || ' AS '
                         || pg_catalog.format_type(ca.casttarget, NULL) || ')', NULL
              FROM pg_catalog.pg_cast ca WHERE ca.oid >= 16384 AND %9$s
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_cast'::regclass
                                AND d.objid = ca.oid AND d.deptype = 'i')
              UNION ALL
              SELECT 'operator', n.nspname || '.' || o.oprname || '('
                         || COALESCE(pg_catalog.format_type(NULLIF(o.oprleft, 0), NULL), 'NONE') || ', '
                         || COALESCE(pg_catalog.format_type(NULLIF(o.oprright, 0), NULL), 'NONE') || ')', NULL
              FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
              WHERE %1$s AND %10$s
              UNION ALL
              %11$s
              UNION ALL
              %12$s
              UNION ALL
              %13$s
              UNION ALL
              %14$s
              UNION ALL
              %15$s
              UNION ALL
              %16$s
              UNION ALL
              %17$s
              UNION ALL
              SELECT CASE t.typtype WHEN 'r' THEN 'range type' ELSE 'base type' END, n.nspname || '.' || t.typname,
                     NULL
              FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
              WHERE (t.typtype = 'r' OR (t.typtype = 'b' AND t.typcategory <> 'A')) AND %1$s AND %18$s
              UNION ALL
              SELECT 'language', l.lanname, NULL FROM pg_catalog.pg_language l WHERE l.oid >= 16384 AND %19$s
              UNION ALL
              SELECT CASE c.relkind WHEN 'v' THEN 'view option' WHEN 'm' THEN 'materialized view option'
                                    ELSE 'index option' END,
                     n.nspname || '.' || c.relname, array_to_string(c.reloptions, ',')
              %5$s AND c.relkind IN ('v', 'm', 'i', 'I') AND c.reloptions IS NOT NULL
              UNION ALL
              SELECT 'comment on index', n.nspname || '.' || c.relname, NULL
              %5$s AND c.relkind IN ('i', 'I') AND pg_catalog.obj_description(c.oid, 'pg_class') IS NOT NULL
                AND (EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                             WHERE co.conindid = c.oid AND co.contype IN ('p', 'u', 'x'))
                     OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = c.oid))
              UNION ALL
              SELECT 'comment on column', n.nspname || '.' || c.relname || '.' || a.attname, NULL
              %20$s AND c.relkind IN ('v', 'm', 'c') AND a.attnum > 0 AND NOT a.attisdropped
                AND pg_catalog.col_description(c.oid, a.attnum) IS NOT NULL
              UNION ALL
              SELECT CASE WHEN co.conparentid = 0 AND co.contype = 'p' AND co.condeferrable
                          THEN 'deferrable primary key'
                          WHEN co.conparentid = 0 AND co.contype = 'c' AND co.connoinherit THEN 'check no inherit'
                          ELSE 'comment on constraint' END,
                     n.nspname || '.' || c.relname || '.' || co.conname, NULL
              %21$s AND ((co.conparentid = 0
                     AND ((co.contype = 'p' AND co.condeferrable) OR (co.contype = 'c' AND co.connoinherit)))
                OR (pg_catalog.obj_description(co.oid, 'pg_constraint') IS NOT NULL
                    AND (co.conparentid <> 0 OR co.contype NOT IN ('p', 'u', 'f', 'c', 'x')
                         OR (co.contype = 'c' AND NOT co.conislocal))))
              UNION ALL
              SELECT 'constraint include', n.nspname || '.' || c.relname || '.' || co.conname,
                     pg_catalog.pg_get_constraintdef(co.oid, true)
              %21$s AND co.conparentid = 0 AND co.contype IN ('p', 'u')
                AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                            WHERE i.indexrelid = co.conindid AND i.indnatts > i.indnkeyatts)
              UNION ALL
              SELECT 'identity options', n.nspname || '.' || c.relname || '.' || a.attname,
                     'START ' || s.seqstart || ' INCREMENT ' || s.seqincrement || ' MINVALUE ' || s.seqmin
                         || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache
                         || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END
              FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_catalog.pg_depend d ON d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = c.oid
                   AND d.refobjsubid = a.attnum AND d.deptype = 'i' AND d.classid = 'pg_catalog.pg_class'::regclass
              JOIN pg_catalog.pg_sequence s ON s.seqrelid = d.objid
              WHERE %1$s AND a.attidentity <> ''
                AND (s.seqincrement <> 1 OR s.seqcache <> 1 OR s.seqcycle OR s.seqmin <> 1 OR s.seqstart <> 1
                     OR s.seqmax <> CASE s.seqtypid WHEN 'pg_catalog.int2'::regtype THEN 32767
                                                    WHEN 'pg_catalog.int4'::regtype THEN 2147483647
                                                    ELSE 9223372036854775807 END)
              UNION ALL
              SELECT 'table without columns', n.nspname || '.' || c.relname, NULL
              %5$s AND c.relkind = 'r' AND NOT c.relispartition
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid)
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                                WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
            ) u
            ORDER BY kind, name
            """.formatted(
            USER_NAMESPACE, mine("pg_proc", "p.oid"),
            "FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class\n"
                    + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NAMESPACE,
            "FROM pg_catalog.pg_policy po JOIN pg_catalog.pg_class c ON c.oid = po.polrelid\n"
                    + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NAMESPACE,
            USER_RELATION, mine("pg_event_trigger", "et.oid"), mine("pg_foreign_server", "s.oid"),
            mine("pg_foreign_data_wrapper", "w.oid"), mine("pg_cast", "ca.oid"), mine("pg_operator", "o.oid"),
            named("operator class", "pg_opclass", "oc", "opcnamespace", "opcname"),
            named("operator family", "pg_opfamily", "ofm", "opfnamespace", "opfname"),
            named("text search configuration", "pg_ts_config", "tc", "cfgnamespace", "cfgname"),
            named("text search dictionary", "pg_ts_dict", "td", "dictnamespace", "dictname"),
            named("collation", "pg_collation", "cl", "collnamespace", "collname"),
            named("conversion", "pg_conversion", "cv", "connamespace", "conname"),
            named("statistics", "pg_statistic_ext", "se", "stxnamespace", "stxname"),
            mine("pg_type", "t.oid"), mine("pg_language", "l.oid"),
            """
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE %s AND %s""".formatted(USER_NAMESPACE, mine("pg_class", "c.oid")),
            """
            FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE %s AND %s""".formatted(USER_NAMESPACE, mine("pg_class", "c.oid")));

    private PostgresUnmanagedQuery() {
    }

    /** Everything in the user schemas that the model leaves out, in one query. */
    public static List<Unmanaged> list(Connection connection) throws SQLException {
        List<Unmanaged> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(QUERY); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Unmanaged(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }
}
