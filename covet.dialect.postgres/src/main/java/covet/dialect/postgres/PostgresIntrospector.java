package covet.dialect.postgres;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.spi.Introspector;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every table of every user schema in four catalog queries (tables, columns, constraints, indexes), whatever
 * the number of tables. Tables of the connection's current schema are named plainly, others {@code schema.table}.
 * Defaults come back in {@link PostgresDefaults}' canonical form, predicates and index expressions in
 * {@link PostgresExpressions}'; identity columns and {@code serial} columns (a
 * nextval() default on a sequence the column owns) are auto-increment.
 */
public final class PostgresIntrospector implements Introspector {

    /** One table while it is being assembled. */
    private static final class Draft {
        final String name;
        final String comment;
        final Map<Integer, Column> columns = new LinkedHashMap<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();

        Draft(String name, String comment) {
            this.name = name;
            this.comment = comment;
        }

        Table toTable() {
            // Java's order, not the server collation's, so that normalised models sort the same way
            return new Table(name, List.copyOf(columns.values()), primaryKey,
                    sorted(uniques, UniqueConstraint::name), sorted(indexes, Index::name),
                    sorted(foreignKeys, ForeignKey::name), sorted(checks, Check::name), comment);
        }

        private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, String> name) {
            return items.stream().sorted(Comparator.comparing(name)).toList();
        }
    }

    @Override
    public Schema introspect(Connection connection) throws SQLException {
        Map<Long, Draft> drafts = new LinkedHashMap<>();
        String currentSchema = readTables(connection, drafts);
        readColumns(connection, drafts);
        readConstraints(connection, drafts, currentSchema);
        readIndexes(connection, drafts);
        return new Schema(drafts.values().stream().filter(d -> !d.columns.isEmpty()).map(Draft::toTable)
                .sorted(Comparator.comparing(Table::name)).toList());
    }

    @Override
    public List<String> unmanaged(Connection connection) throws SQLException {
        return PostgresUnmanagedQuery.list(connection).stream().map(Object::toString).toList();
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.TABLE_EXISTS)) {
            ps.setString(1, PostgresNames.localName(table));
            ps.setString(2, PostgresNames.schemaOf(table));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String readTables(Connection connection, Map<Long, Draft> drafts) throws SQLException {
        String currentSchema = null;
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.TABLES);
             ResultSet rs = ps.executeQuery()) {
            List<String[]> rows = new ArrayList<>();
            List<Long> oids = new ArrayList<>();
            while (rs.next()) {
                currentSchema = rs.getString("current_schema");
                long oid = rs.getLong("oid");
                if (!rs.wasNull()) {
                    oids.add(oid);
                    rows.add(new String[] {rs.getString("nspname"), rs.getString("relname"), rs.getString("comment")});
                }
            }
            for (int i = 0; i < oids.size(); i++) {
                String[] r = rows.get(i);
                drafts.put(oids.get(i), new Draft(PostgresNames.modelName(r[0], r[1], currentSchema),
                        emptyAsNull(r[2])));
            }
        }
        return currentSchema;
    }

    private static void readColumns(Connection connection, Map<Long, Draft> drafts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.COLUMNS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Draft d = drafts.get(rs.getLong("attrelid"));
                if (d == null) {
                    continue;
                }
                ColumnType type = PostgresTypes.fromCatalog(rs.getString("type"));
                boolean identity = !rs.getString("attidentity").isEmpty();
                boolean generated = !rs.getString("attgenerated").isEmpty();
                boolean serial = rs.getBoolean("owned_serial");
                boolean autoIncrement = identity || serial;
                // a generated column's expression is not a default; the model has no place for it
                String def = autoIncrement || generated ? null
                        : PostgresDefaults.canonical(rs.getString("default_value"), type);
                d.columns.put(rs.getInt("attnum"), new Column(rs.getString("attname"), type,
                        !rs.getBoolean("attnotnull"), def, autoIncrement, emptyAsNull(rs.getString("comment"))));
            }
        }
    }

    private static void readConstraints(Connection connection, Map<Long, Draft> drafts, String currentSchema)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.CONSTRAINTS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Draft d = drafts.get(rs.getLong("conrelid"));
                if (d == null) {
                    continue;
                }
                String name = rs.getString("conname");
                List<String> columns = strings(rs.getArray("columns"));
                switch (rs.getString("contype")) {
                    case "p":
                        d.primaryKey = new PrimaryKey(name, columns);
                        break;
                    case "u":
                        d.uniques.add(new UniqueConstraint(name, columns));
                        break;
                    case "c":
                        d.checks.add(new Check(name, PostgresExpressions.canonical(
                                checkExpression(rs.getString("definition")),
                                PostgresExpressions.stringColumns(d.columns.values()))));
                        break;
                    case "f":
                        d.foreignKeys.add(new ForeignKey(name, columns,
                                PostgresNames.modelName(rs.getString("ref_schema"), rs.getString("ref_table"),
                                        currentSchema),
                                strings(rs.getArray("ref_columns")), action(rs.getString("confdeltype")),
                                action(rs.getString("confupdtype"))));
                        break;
                    default:
                        break;
                }
            }
        }
    }

    private static void readIndexes(Connection connection, Map<Long, Draft> drafts) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.INDEXES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Draft d = drafts.get(rs.getLong("indrelid"));
                if (d == null) {
                    continue;
                }
                int[] attnums = ints(rs.getString("keys"));
                int[] options = ints(rs.getString("options"));
                List<String> keySql = strings(rs.getArray("key_sql"));
                List<IndexColumn> keys = new ArrayList<>();
                Set<String> strings = PostgresExpressions.stringColumns(d.columns.values());
                for (int k = 0; k < keySql.size(); k++) {
                    // indoption bit 0 is DESC
                    boolean desc = k < options.length && (options[k] & 1) != 0;
                    Column c = attnums[k] == 0 ? null : d.columns.get(attnums[k]);
                    keys.add(c != null ? new IndexColumn(c.name(), null, desc)
                            : new IndexColumn(null, PostgresExpressions.canonical(keySql.get(k), strings), desc));
                }
                d.indexes.add(new Index(rs.getString("name"), keys, rs.getBoolean("indisunique"),
                        PostgresExpressions.canonical(rs.getString("predicate"), strings)));
            }
        }
    }

    /** {@code CHECK (a > 0) NOT VALID} is {@code a > 0}. */
    static String checkExpression(String definition) {
        String e = definition.strip();
        for (String flag : List.of(" NOT VALID", " NO INHERIT")) {
            if (e.endsWith(flag)) {
                e = e.substring(0, e.length() - flag.length()).strip();
            }
        }
        if (e.startsWith("CHECK ")) {
            e = e.substring("CHECK ".length());
        }
        return PostgresDefaults.predicate(e);
    }

    static ReferentialAction action(String code) {
        switch (code) {
            case "r": return ReferentialAction.RESTRICT;
            case "c": return ReferentialAction.CASCADE;
            case "n": return ReferentialAction.SET_NULL;
            case "d": return ReferentialAction.SET_DEFAULT;
            default: return ReferentialAction.NO_ACTION;
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }

    private static int[] ints(String vector) {
        if (vector == null || vector.isBlank()) {
            return new int[0];
        }
        return Arrays.stream(vector.strip().split("\\s+")).mapToInt(Integer::parseInt).toArray();
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
