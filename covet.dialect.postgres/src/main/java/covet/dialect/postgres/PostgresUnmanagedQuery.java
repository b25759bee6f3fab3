package covet.dialect.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the schema model does not carry, listed in one catalog query so that nothing is skipped silently: views,
 * materialized views, functions, triggers, sequences not owned by a column, enums, domains, extensions, and the
 * table features the model flattens (partitioning, inheritance, generated columns, GENERATED ALWAYS identities,
 * index methods other than btree, exclusion constraints, deferrable constraints).
 */
public final class PostgresUnmanagedQuery {

    /** One object or feature Covet does not manage, e.g. {@code view public.film_list}. */
    public record Unmanaged(String kind, String name, String note) {
        @Override
        public String toString() {
            return kind + " " + name + (note == null ? "" : " (" + note + ")");
        }
    }

    private static final String USER_NAMESPACE = """
            n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
            """;

    private static final String NOT_EXTENSION_MEMBER = """
            NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = %s AND d.deptype = 'e')
            """;

    static final String QUERY = """
            SELECT kind, name, note FROM (
              SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                    WHEN 'f' THEN 'foreign table' ELSE 'sequence' END AS kind,
                     n.nspname || '.' || c.relname AS name, NULL AS note
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relkind IN ('v', 'm', 'f', 'S') AND %1$s AND %2$s
                AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')
                                  AND d.refclassid = 'pg_catalog.pg_class'::regclass AND c.relkind = 'S')
              UNION ALL
              SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
                     n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid)
                         || ')', NULL
              FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
              WHERE %1$s AND %3$s
              UNION ALL
              SELECT 'trigger', n.nspname || '.' || c.relname || '.' || t.tgname, NULL
              FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE NOT t.tgisinternal AND %1$s
              UNION ALL
              SELECT CASE ty.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' ELSE 'type' END,
                     n.nspname || '.' || ty.typname, NULL
              FROM pg_catalog.pg_type ty JOIN pg_catalog.pg_namespace n ON n.oid = ty.typnamespace
              WHERE ty.typtype IN ('e', 'd', 'r', 'm') AND %1$s AND %4$s
              UNION ALL
              SELECT 'extension', e.extname, 'version ' || e.extversion
              FROM pg_catalog.pg_extension e WHERE e.extname <> 'plpgsql'
              UNION ALL
              SELECT CASE WHEN c.relkind = 'p' THEN 'partitioned table' WHEN c.relispartition THEN 'partition'
                          ELSE 'inheriting table' END,
                     n.nspname || '.' || c.relname,
                     CASE WHEN c.relkind = 'p' THEN 'partitioning is not modelled'
                          ELSE 'of ' || (SELECT string_agg(pn.nspname || '.' || pc.relname, ', ')
                                         FROM pg_catalog.pg_inherits i
                                         JOIN pg_catalog.pg_class pc ON pc.oid = i.inhparent
                                         JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace
                                         WHERE i.inhrelid = c.oid) END
              FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE %1$s AND c.relkind IN ('r', 'p') AND (c.relkind = 'p'
                   OR EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid))
              UNION ALL
              SELECT CASE WHEN a.attgenerated <> '' THEN 'generated column' ELSE 'identity column' END,
                     n.nspname || '.' || c.relname || '.' || a.attname,
                     CASE WHEN a.attgenerated <> ''
                          THEN 'GENERATED ALWAYS AS (' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) || ') STORED'
                          ELSE 'GENERATED ALWAYS: re-created as BY DEFAULT' END
              FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
              WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND %1$s
                AND (a.attgenerated <> '' OR a.attidentity = 'a')
              UNION ALL
              SELECT 'index method', n.nspname || '.' || ic.relname, am.amname || ' index re-created as btree'
              FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_catalog.pg_am am ON am.oid = ic.relam
              JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
              WHERE am.amname <> 'btree' AND %1$s
              UNION ALL
              SELECT CASE WHEN co.contype = 'x' THEN 'exclusion constraint' ELSE 'deferrable constraint' END,
                     n.nspname || '.' || c.relname || '.' || co.conname,
                     pg_catalog.pg_get_constraintdef(co.oid, true)
              FROM pg_catalog.pg_constraint co JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              WHERE (co.contype = 'x' OR co.condeferrable) AND %1$s
            ) u
            ORDER BY kind, name
            """.formatted(USER_NAMESPACE.strip(), NOT_EXTENSION_MEMBER.formatted("c.oid").strip(),
            NOT_EXTENSION_MEMBER.formatted("p.oid").strip(), NOT_EXTENSION_MEMBER.formatted("ty.oid").strip());

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
