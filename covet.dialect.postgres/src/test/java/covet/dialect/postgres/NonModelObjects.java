package covet.dialect.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only stand-in for what the schema model cannot create yet: extensions, enum types and domains. Copies them
 * from one database to another so that tables using them can be re-created by the renderer. This is a documented
 * gap (docs/dialects/postgresql.md), not something the dialect does.
 */
final class NonModelObjects {
    private NonModelObjects() {
    }

    static List<String> creationSql(Connection source) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = source.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY oid")) {
                while (rs.next()) {
                    out.add("CREATE EXTENSION IF NOT EXISTS " + PostgresNames.quote(rs.getString(1)));
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT t.typtype, format_type(t.oid, NULL),
                           ARRAY(SELECT quote_literal(e.enumlabel) FROM pg_enum e
                                 WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder),
                           format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,
                           ARRAY(SELECT 'CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid)
                                 FROM pg_constraint c WHERE c.contypid = t.oid ORDER BY c.conname)
                    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE t.typtype IN ('e', 'd') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
                    ORDER BY t.oid
                    """)) {
                while (rs.next()) {
                    if ("e".equals(rs.getString(1))) {
                        out.add("CREATE TYPE " + rs.getString(2) + " AS ENUM (" + String.join(", ", strings(
                                rs.getArray(3))) + ")");
                    } else {
                        out.add("CREATE DOMAIN " + rs.getString(2) + " AS " + rs.getString(4)
                                + (rs.getString(6) != null ? " DEFAULT " + rs.getString(6) : "")
                                + (rs.getBoolean(5) ? " NOT NULL" : "") + " " + String.join(" ", strings(
                                rs.getArray(7))));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) {
            out.add(String.valueOf(o));
        }
        return out;
    }
}
