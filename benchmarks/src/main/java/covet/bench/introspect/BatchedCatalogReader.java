package covet.bench.introspect;

import covet.bench.DbKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written baseline of W3: the whole schema in 4 catalog queries (PostgreSQL: pg_catalog tables, columns
 * with defaults, constraints, indexes; MariaDB: information_schema TABLES, COLUMNS, STATISTICS, KEY_COLUMN_USAGE
 * with REFERENTIAL_CONSTRAINTS), gathered per table in memory. Returns the number of tables read.
 */
public final class BatchedCatalogReader {
    private static final String[] PG = {
        "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')",
        "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0"
            + " AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum",
        "SELECT con.conrelid, con.conname, con.contype, pg_get_constraintdef(con.oid) FROM pg_constraint con"
            + " JOIN pg_namespace n ON n.oid = con.connamespace WHERE n.nspname = current_schema()"
            + " AND con.conrelid <> 0",
        "SELECT i.indrelid, ic.relname, i.indisunique, i.indisprimary, pg_get_indexdef(i.indexrelid)"
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
            + " JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE n.nspname = current_schema()"};
    private static final String[] MY = {
        "SELECT table_name, table_comment FROM information_schema.tables WHERE table_schema = database()"
            + " AND table_type = 'BASE TABLE'",
        "SELECT table_name, column_name, column_type, is_nullable, column_default, extra"
            + " FROM information_schema.columns WHERE table_schema = database()"
            + " ORDER BY table_name, ordinal_position",
        "SELECT table_name, index_name, non_unique, column_name, seq_in_index FROM information_schema.statistics"
            + " WHERE table_schema = database() ORDER BY table_name, index_name, seq_in_index",
        "SELECT k.table_name, k.constraint_name, k.column_name, k.referenced_table_name, k.referenced_column_name,"
            + " r.delete_rule, r.update_rule FROM information_schema.key_column_usage k"
            + " JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema"
            + " AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name"
            + " WHERE k.table_schema = database() AND k.referenced_table_name IS NOT NULL"
            + " ORDER BY k.table_name, k.constraint_name, k.ordinal_position"};

    private BatchedCatalogReader() {
    }

    public static int read(DbKind kind, Connection c) throws SQLException {
        String[] queries = kind == DbKind.POSTGRESQL ? PG : MY;
        Map<String, String> names = new HashMap<>();
        Map<String, List<String>> details = new HashMap<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(queries[0])) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                    details.put(rs.getString(1), new ArrayList<>());
                }
            }
            for (int q = 1; q < queries.length; q++) {
                try (ResultSet rs = s.executeQuery(queries[q])) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> table = details.get(rs.getString(1));
                        if (table == null) {
                            continue;
                        }
                        StringBuilder item = new StringBuilder();
                        for (int i = 2; i <= columns; i++) {
                            item.append(rs.getString(i)).append('|');
                        }
                        table.add(item.toString());
                    }
                }
            }
        }
        return names.size();
    }
}
