package covet.dialect.mysql;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the current database in five information_schema queries, whatever its size: tables, columns, index key
 * parts, foreign key columns and checks, each for the whole database, assembled in memory. The result is what
 * {@link MysqlNormalizer} makes of a wanted schema: see there for the representation chosen (unique indexes as
 * unique constraints, no foreign key stand-in indexes, json checks folded into the type).
 */
public final class MysqlIntrospector implements Introspector {

    /** One key part of one index, as STATISTICS lists it. */
    private record KeyPart(String index, boolean unique, String column, Integer subPart, boolean descending,
                           String indexType, String expression, String comment) {
    }

    /** One column pair of one foreign key. */
    private record FkPart(String name, String column, String referencedTable, String referencedColumn,
                          String onUpdate, String onDelete) {
    }

    /** Everything read for one table before assembly. */
    private static final class Parts {
        String comment;
        String collation;
        Map<String, String> options;
        final List<MysqlColumnReader.Row> columns = new ArrayList<>();
        final Map<String, List<KeyPart>> indexes = new TreeMap<>();
        final Map<String, List<FkPart>> foreignKeys = new TreeMap<>();
        final List<Check> checks = new ArrayList<>();
        final List<MysqlPartitions.Row> partitions = new ArrayList<>();
    }

    @Override
    public Schema introspect(Connection connection) throws SQLException {
        requireDatabase(connection);
        MysqlFlavor flavor = MysqlFlavor.fromVersion(connection.getMetaData().getDatabaseProductVersion());
        Map<String, Parts> tables = new TreeMap<>();
        query(connection, MysqlCatalogQueries.TABLES, rs -> {
            Parts p = new Parts();
            p.comment = rs.getString(2);
            p.collation = rs.getString(3);
            p.options = MysqlTableOptions.read(rs.getString(4), rs.getString(3), rs.getString(5), rs.getString(6),
                    rs.getString(7));
            tables.put(rs.getString(1), p);
        });
        query(connection, MysqlCatalogQueries.COLUMNS, rs -> {
            Parts p = tables.get(rs.getString(1));
            if (p != null) {
                p.columns.add(new MysqlColumnReader.Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        "YES".equalsIgnoreCase(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        });
        query(connection, MysqlCatalogQueries.statistics(flavor), rs -> {
            Parts p = tables.get(rs.getString(1));
            if (p != null) {
                int sub = rs.getInt(6);
                Integer subPart = rs.wasNull() ? null : sub;
                p.indexes.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new KeyPart(rs.getString(2),
                        rs.getInt(3) == 0, rs.getString(5), subPart, "D".equals(rs.getString(7)), rs.getString(8),
                        rs.getString(9), MysqlNormalizer.blankToNull(rs.getString(10))));
            }
        });
        query(connection, MysqlCatalogQueries.FOREIGN_KEYS, rs -> {
            Parts p = tables.get(rs.getString(1));
            if (p != null) {
                p.foreignKeys.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new FkPart(
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7)));
            }
        });
        query(connection, MysqlCatalogQueries.checks(flavor), rs -> {
            Parts p = tables.get(rs.getString(1));
            if (p != null) {
                p.checks.add(new Check(rs.getString(2), MysqlNormalizer.checkExpression(rs.getString(3))));
            }
        });
        query(connection, MysqlCatalogQueries.PARTITIONS, rs -> {
            Parts p = tables.get(rs.getString(1));
            if (p != null) {
                p.partitions.add(new MysqlPartitions.Row(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        });
        MysqlColumnReader reader = new MysqlColumnReader(flavor);
        List<Table> result = new ArrayList<>();
        for (Map.Entry<String, Parts> e : tables.entrySet()) {
            result.add(table(e.getKey(), e.getValue(), reader));
        }
        return new Schema(result, MysqlObjectReader.read(connection, tables.keySet()));
    }

    /**
     * What this dialect does not manage, in one query: MariaDB's SEQUENCE objects, invisible columns (MariaDB
     * INVISIBLE, MySQL 8 INVISIBLE: they read as visible ones) and indexes the optimizer is told to ignore
     * (MariaDB IGNORED, MySQL 8 INVISIBLE). Views, routines, triggers and events are managed
     * ({@link MysqlObjectReader}).
     */
    @Override
    public List<String> unmanaged(Connection connection) throws SQLException {
        MysqlFlavor flavor = MysqlFlavor.fromVersion(connection.getMetaData().getDatabaseProductVersion());
        String hiddenIndex = flavor == MysqlFlavor.MARIADB ? "IGNORED = 'YES'" : "IS_VISIBLE = 'NO'";
        String sql = "SELECT 'sequence', TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE = 'SEQUENCE'"
                + " UNION ALL SELECT 'invisible column', concat(TABLE_NAME, '.', COLUMN_NAME)"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND EXTRA LIKE '%INVISIBLE%'"
                + " UNION ALL SELECT DISTINCT '" + (flavor == MysqlFlavor.MARIADB ? "ignored" : "invisible")
                + " index', concat(TABLE_NAME, '.', INDEX_NAME) FROM information_schema.STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND " + hiddenIndex
                + " ORDER BY 1, 2";
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        requireDatabase(connection);
        try (PreparedStatement ps = connection.prepareStatement(MysqlCatalogQueries.TABLE_EXISTS)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Table table(String name, Parts p, MysqlColumnReader reader) {
        Set<String> jsonChecked = new HashSet<>();
        List<Check> checks = new ArrayList<>();
        for (Check c : p.checks) {
            if (MysqlNormalizer.isJsonValidCheck(c, Set.of(c.name()))) {
                jsonChecked.add(c.name());
            } else {
                checks.add(c);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (MysqlColumnReader.Row r : p.columns) {
            columns.add(reader.read(r, p.collation, jsonChecked.contains(r.name())));
        }
        // A json_valid check on a column that did not turn json (not longtext) stays a visible check.
        for (Check c : p.checks) {
            if (jsonChecked.contains(c.name()) && columns.stream().noneMatch(col -> col.name().equals(c.name())
                    && col.type().spelling().equals("json"))) {
                checks.add(c);
            }
        }
        List<ForeignKey> fks = new ArrayList<>();
        p.foreignKeys.forEach((fkName, parts) -> fks.add(new ForeignKey(fkName,
                parts.stream().map(FkPart::column).toList(), parts.get(0).referencedTable(),
                parts.stream().map(FkPart::referencedColumn).toList(),
                ReferentialAction.parse(parts.get(0).onDelete()), ReferentialAction.parse(parts.get(0).onUpdate()))));
        PrimaryKey pk = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (Map.Entry<String, List<KeyPart>> e : p.indexes.entrySet()) {
            List<KeyPart> parts = e.getValue();
            if (e.getKey().equals("PRIMARY")) {
                pk = new PrimaryKey(null, parts.stream().map(KeyPart::column).toList(), parts.get(0).comment());
                continue;
            }
            Index index = new Index(e.getKey(), parts.stream().map(MysqlIntrospector::keyColumn).toList(),
                    parts.get(0).unique(), null).withMethod(MysqlIndexKind.methodFor(parts.get(0).indexType(),
                    p.options.get(MysqlTableOptions.ENGINE)))
                    .withComment(parts.get(0).comment());
            if (MysqlNormalizer.isPlainUnique(index)) {
                uniques.add(new UniqueConstraint(index.name(),
                        index.columns().stream().map(IndexColumn::name).toList()).withComment(index.comment()));
            } else if (!MysqlNormalizer.isForeignKeyStandIn(index, fks)) {
                indexes.add(index);
            }
        }
        checks.sort(Comparator.comparing(Check::name));
        Table t = new Table(name, columns, pk, uniques, indexes, fks, checks, MysqlNormalizer.blankToNull(p.comment))
                .withOptions(p.options);
        if (!p.partitions.isEmpty()) {
            String[] partitioning = MysqlPartitions.read(p.partitions);
            java.util.Map<String, String> options = new TreeMap<>(p.options);
            options.put(MysqlPartitions.OPTION, partitioning[1]);
            t = t.withPartitionBy(partitioning[0]).withOptions(options);
        }
        return t;
    }

    /** A prefix key part reads as the expression {@code `col`(n)}, which the renderer writes back as is. */
    private static IndexColumn keyColumn(KeyPart k) {
        if (k.column() == null) {
            return new IndexColumn(null, MysqlNormalizer.checkExpression(k.expression()), k.descending());
        }
        // MariaDB reports a SUB_PART (32) for every SPATIAL key part, which is no prefix anyone wrote
        if (k.subPart() != null && !"SPATIAL".equalsIgnoreCase(k.indexType())) {
            return new IndexColumn(null, "`" + k.column().replace("`", "``") + "`(" + k.subPart() + ")",
                    k.descending());
        }
        return new IndexColumn(k.column(), null, k.descending());
    }

    private static void requireDatabase(Connection connection) throws SQLException {
        String db = connection.getCatalog();
        if (db == null || db.isEmpty()) {
            throw new SQLException("mysql: no database selected: name one in the URL, e.g."
                    + " jdbc:mysql://127.0.0.1:3306/mydb");
        }
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }
}
