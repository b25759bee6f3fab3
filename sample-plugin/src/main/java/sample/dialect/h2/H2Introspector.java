package sample.dialect.h2;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
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

/** Reads the current schema in the four queries of {@link H2CatalogQueries}, then assembles each table. */
final class H2Introspector implements Introspector {

    /** One constraint as its catalog rows describe it; columns in key order. */
    private static final class ConstraintRows {
        String type;
        String check;
        String referencedTable;
        String updateRule;
        String deleteRule;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();
    }

    private static final class IndexRows {
        boolean unique;
        final List<IndexColumn> columns = new ArrayList<>();
    }

    @Override
    public Schema introspect(Connection connection) throws SQLException {
        Map<String, String> comments = new LinkedHashMap<>();
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        Map<String, Map<String, ConstraintRows>> constraints = new LinkedHashMap<>();
        Map<String, Map<String, IndexRows>> indexes = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery(H2CatalogQueries.TABLES)) {
                while (rs.next()) {
                    comments.put(rs.getString("table_name"), rs.getString("remarks"));
                }
            }
            try (ResultSet rs = st.executeQuery(H2CatalogQueries.COLUMNS)) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getString("table_name"), k -> new ArrayList<>()).add(column(rs));
                }
            }
            try (ResultSet rs = st.executeQuery(H2CatalogQueries.CONSTRAINTS)) {
                while (rs.next()) {
                    ConstraintRows c = constraints.computeIfAbsent(rs.getString("table_name"),
                            k -> new LinkedHashMap<>()).computeIfAbsent(rs.getString("constraint_name"),
                            k -> new ConstraintRows());
                    c.type = rs.getString("constraint_type");
                    c.check = rs.getString("check_clause");
                    c.referencedTable = rs.getString("referenced_table");
                    c.updateRule = rs.getString("update_rule");
                    c.deleteRule = rs.getString("delete_rule");
                    if (rs.getString("column_name") != null) {
                        c.columns.add(rs.getString("column_name"));
                    }
                    if (rs.getString("referenced_column") != null) {
                        c.referencedColumns.add(rs.getString("referenced_column"));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery(H2CatalogQueries.INDEXES)) {
                while (rs.next()) {
                    IndexRows i = indexes.computeIfAbsent(rs.getString("table_name"), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getString("index_name"), k -> new IndexRows());
                    i.unique = rs.getString("index_type_name").toUpperCase(java.util.Locale.ROOT).contains("UNIQUE");
                    i.columns.add(new IndexColumn(rs.getString("column_name"), null,
                            "DESC".equalsIgnoreCase(rs.getString("ordering_specification"))));
                }
            }
        }
        List<Table> tables = new ArrayList<>();
        for (Map.Entry<String, String> t : comments.entrySet()) {
            tables.add(table(t.getKey(), t.getValue(), columns.getOrDefault(t.getKey(), List.of()),
                    constraints.getOrDefault(t.getKey(), Map.of()), indexes.getOrDefault(t.getKey(), Map.of())));
        }
        return new Schema(tables);
    }

    private static Column column(ResultSet rs) throws SQLException {
        long length = rs.getLong("character_maximum_length");
        Long len = rs.wasNull() ? null : length;
        int precision = rs.getInt("numeric_precision");
        Integer prec = rs.wasNull() ? null : precision;
        int scale = rs.getInt("numeric_scale");
        Integer sc = rs.wasNull() ? null : scale;
        boolean identity = "YES".equalsIgnoreCase(rs.getString("is_identity"));
        boolean generated = "ALWAYS".equalsIgnoreCase(rs.getString("is_generated"));
        // BY DEFAULT is this dialect's ordinary auto-increment, so only ALWAYS refines it
        Identity kind = identity && "ALWAYS".equalsIgnoreCase(rs.getString("identity_generation"))
                ? Identity.ALWAYS : null;
        return new Column(rs.getString("column_name"), H2Types.fromCatalog(rs.getString("data_type"), len, prec, sc),
                "YES".equalsIgnoreCase(rs.getString("is_nullable")),
                identity || generated ? null : H2Normalizer.defaultValue(rs.getString("column_default")), identity,
                emptyToNull(rs.getString("remarks")), kind,
                generated ? H2Normalizer.expression(rs.getString("generation_expression")) : null, null);
    }

    private static Table table(String name, String comment, List<Column> columns, Map<String, ConstraintRows> rows,
                               Map<String, IndexRows> indexRows) {
        PrimaryKey pk = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        for (Map.Entry<String, ConstraintRows> e : rows.entrySet()) {
            ConstraintRows c = e.getValue();
            switch (c.type) {
                case "PRIMARY KEY":
                    pk = new PrimaryKey(null, c.columns);
                    break;
                case "UNIQUE":
                    uniques.add(new UniqueConstraint(e.getKey(), c.columns));
                    break;
                case "FOREIGN KEY":
                    foreignKeys.add(new ForeignKey(e.getKey(), c.columns, c.referencedTable, c.referencedColumns,
                            ReferentialAction.parse(c.deleteRule), ReferentialAction.parse(c.updateRule)));
                    break;
                case "CHECK":
                    checks.add(new Check(e.getKey(), H2Normalizer.expression(c.check)));
                    break;
                default:
                    break;
            }
        }
        List<Index> indexes = new ArrayList<>();
        indexRows.forEach((indexName, i) -> indexes.add(new Index(indexName, i.columns, i.unique, null)));
        return new Table(name, columns, pk, uniques, indexes, foreignKeys, checks, emptyToNull(comment));
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(H2CatalogQueries.TABLE_EXISTS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
