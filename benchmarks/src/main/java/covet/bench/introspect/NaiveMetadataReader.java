package covet.bench.introspect;

import covet.bench.DbKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** W3's naive reader: getTables, then getColumns, getPrimaryKeys, getIndexInfo and getImportedKeys per table. */
public final class NaiveMetadataReader {
    private NaiveMetadataReader() {
    }

    public static int read(DbKind kind, Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = kind == DbKind.MARIADB ? c.getCatalog() : null;
        String schema = kind == DbKind.POSTGRESQL ? c.getSchema() : null;
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        long items = 0;
        for (String t : tables) {
            items += drain(md.getColumns(catalog, schema, t, "%"));
            items += drain(md.getPrimaryKeys(catalog, schema, t));
            items += drain(md.getIndexInfo(catalog, schema, t, false, false));
            items += drain(md.getImportedKeys(catalog, schema, t));
        }
        return items > 0 ? tables.size() : 0;
    }

    private static long drain(ResultSet rs) throws SQLException {
        long n = 0;
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                n++;
            }
        }
        return n;
    }
}
