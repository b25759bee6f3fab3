package covet.dialect.sqlite;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.spi.Introspector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every table of the main database in four catalog queries ({@link SqliteCatalogQueries}) and its views,
 * triggers and virtual tables in one more ({@link SqliteObjectReader}), whatever the number of tables, then
 * assembles each table from its rows and the text of its CREATE statements.
 */
final class SqliteIntrospector implements Introspector {

    @Override
    public Schema introspect(Connection connection) throws SQLException {
        Map<String, String> sqlByTable = new LinkedHashMap<>();
        Map<String, Map<String, String>> optionsByTable = new LinkedHashMap<>();
        Map<String, List<SqliteCatalogRows.ColumnRow>> columns = new LinkedHashMap<>();
        Map<String, List<SqliteCatalogRows.IndexRow>> indexes = new LinkedHashMap<>();
        Map<String, List<SqliteCatalogRows.ForeignKeyRow>> foreignKeys = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(SqliteCatalogQueries.TABLES)) {
                while (rs.next()) {
                    sqlByTable.put(rs.getString("name"), rs.getString("sql"));
                    optionsByTable.put(rs.getString("name"),
                            SqliteTableOptions.read(rs.getInt("wr") != 0, rs.getInt("strict") != 0));
                }
            }
            try (ResultSet rs = st.executeQuery(SqliteCatalogQueries.COLUMNS)) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString("table_name"), k -> new ArrayList<>())
                            .add(new SqliteCatalogRows.ColumnRow(rs.getInt("cid"), rs.getString("column_name"),
                                    rs.getString("type"), rs.getInt("notnull") != 0, rs.getString("dflt_value"),
                                    rs.getInt("pk"), rs.getInt("hidden")));
                }
            }
            try (ResultSet rs = st.executeQuery(SqliteCatalogQueries.INDEX_COLUMNS)) {
                while (rs.next()) {
                    indexes.computeIfAbsent(rs.getString("table_name"), k -> new ArrayList<>())
                            .add(new SqliteCatalogRows.IndexRow(rs.getString("index_name"),
                                    rs.getInt("unique") != 0, rs.getString("origin"), rs.getInt("partial") != 0,
                                    rs.getInt("seqno"), rs.getInt("cid"), rs.getString("column_name"),
                                    rs.getInt("desc") != 0, rs.getString("sql")));
                }
            }
            try (ResultSet rs = st.executeQuery(SqliteCatalogQueries.FOREIGN_KEYS)) {
                while (rs.next()) {
                    foreignKeys.computeIfAbsent(rs.getString("table_name"), k -> new ArrayList<>())
                            .add(new SqliteCatalogRows.ForeignKeyRow(rs.getInt("id"), rs.getInt("seq"),
                                    rs.getString("referenced_table"), rs.getString("column_name"),
                                    rs.getString("referenced_column"), rs.getString("on_update"),
                                    rs.getString("on_delete")));
                }
            }
        }
        Map<String, SqliteCatalogRows> rows = new LinkedHashMap<>();
        sqlByTable.forEach((name, sql) -> rows.put(name, new SqliteCatalogRows(name, sql,
                columns.getOrDefault(name, List.of()), indexes.getOrDefault(name, List.of()),
                foreignKeys.getOrDefault(name, List.of()))));
        SqliteTableAssembler assembler = new SqliteTableAssembler(rows);
        List<Table> tables = new ArrayList<>();
        for (SqliteCatalogRows table : rows.values()) {
            if (!table.columns().isEmpty()) {
                tables.add(assembler.assemble(table).withOptions(optionsByTable.get(table.table())));
            }
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        sqlByTable.keySet().forEach(t -> names.add(t.toLowerCase(java.util.Locale.ROOT)));
        columns.values().forEach(cs -> cs.forEach(c -> names.add(c.name().toLowerCase(java.util.Locale.ROOT))));
        return new Schema(tables, SqliteObjectReader.read(connection, sqlByTable.keySet(), names));
    }

    /** Nothing: views, triggers and virtual tables are managed, and shadow tables belong to their virtual table. */
    @Override
    public List<String> unmanaged(Connection connection) {
        return List.of();
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SqliteCatalogQueries.TABLE_EXISTS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
