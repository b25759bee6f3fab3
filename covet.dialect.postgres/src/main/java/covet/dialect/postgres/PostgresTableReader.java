package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresCatalogRows.emptyAsNull;
import static covet.dialect.postgres.PostgresCatalogRows.ints;
import static covet.dialect.postgres.PostgresCatalogRows.strings;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads every table of every user schema in four catalog queries ({@link PostgresCatalogQueries}): tables,
 * columns, constraints, indexes (those of materialized views too, handed back by relation oid). Expressions are
 * put in {@link PostgresExpressions}' canonical form once a table's listed columns are known, the same way
 * {@link PostgresNormalizer} does it, so that both meet.
 *
 * <p>A partition lists all its columns but none of what its parent gives it (constraints with a parent, CHECKs
 * only inherited, indexes attached to a parent index: the queries leave those out). An INHERITS child lists only
 * the columns it declares itself ({@code attislocal}), possibly none, since {@code CREATE TABLE c (...) INHERITS (p)}
 * brings the others.
 */
final class PostgresTableReader {

    /** One index as the catalog gives it, made canonical against the columns of the relation it is on. */
    record IndexRow(String name, boolean unique, String method, List<String> columns, List<String> keySql,
                    int[] options, List<String> opclasses, int keyCount, String predicate, boolean nullsNotDistinct,
                    String comment) {

        Index toIndex(Set<String> stringColumns) {
            List<IndexColumn> keys = new ArrayList<>();
            for (int k = 0; k < keyCount; k++) {
                int option = k < options.length ? options[k] : 0;
                // indoption bit 0 is DESC, bit 1 NULLS FIRST; nulls is recorded only where it is not the default
                boolean desc = (option & 1) != 0;
                boolean nullsFirst = (option & 2) != 0;
                String nulls = desc ? (nullsFirst ? null : "last") : (nullsFirst ? "first" : null);
                String opclass = k < opclasses.size() ? emptyAsNull(opclasses.get(k)) : null;
                String column = emptyAsNull(columns.get(k));
                keys.add(column != null ? new IndexColumn(column, null, desc, nulls, opclass)
                        : new IndexColumn(null, PostgresExpressions.canonical(keySql.get(k), stringColumns), desc,
                        nulls, opclass));
            }
            return new Index(name, keys, unique, PostgresExpressions.canonical(predicate, stringColumns),
                    "btree".equals(method) ? null : method, columns.subList(keyCount, columns.size()),
                    nullsNotDistinct, comment);
        }
    }

    /** One table while it is being assembled. */
    private static final class Draft {
        final String name;
        final String comment;
        final String partitionBy;
        final Partition partitionOf;
        final Map<String, String> options;
        final boolean inheritsChild;
        final Map<Integer, Column> columns = new LinkedHashMap<>();
        final Set<Integer> inheritedOnly = new java.util.HashSet<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<IndexRow> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<Exclusion> exclusions = new ArrayList<>();

        Draft(String name, String comment, String partitionBy, Partition partitionOf, Map<String, String> options,
              boolean inheritsChild) {
            this.name = name;
            this.comment = comment;
            this.partitionBy = partitionBy;
            this.partitionOf = partitionOf;
            this.options = options;
            this.inheritsChild = inheritsChild;
        }

        /** Null for a table the model cannot hold: one with no column that takes none from a parent. */
        Table toTable() {
            List<Column> listed = columns.entrySet().stream()
                    .filter(e -> !inheritsChild || !inheritedOnly.contains(e.getKey()))
                    .map(Map.Entry::getValue).toList();
            if (listed.isEmpty() && partitionOf == null && partitionBy == null && !inheritsChild) {
                return null;
            }
            Set<String> strings = PostgresExpressions.stringColumns(listed);
            listed = listed.stream().map(c -> c.generated() == null ? c
                    : c.withGenerated(PostgresExpressions.canonical(c.generated(), strings))).toList();
            // Java's order, not the server collation's, so that normalised models sort the same way
            return new Table(name, listed, primaryKey, sorted(uniques, UniqueConstraint::name),
                    sorted(indexes.stream().map(i -> i.toIndex(strings)).toList(), Index::name),
                    sorted(foreignKeys, ForeignKey::name),
                    sorted(checks.stream().map(c -> c.withExpression(
                            PostgresExpressions.canonical(c.expression(), strings))).toList(), Check::name),
                    comment, sorted(exclusions, Exclusion::name), partitionBy, partitionOf, options);
        }
    }

    private final Map<Long, Draft> drafts = new LinkedHashMap<>();
    private final String currentSchema;

    PostgresTableReader(String currentSchema) {
        this.currentSchema = currentSchema;
    }

    /** Reads the tables; returns each table's model name by oid (for dependencies). */
    Map<Long, String> read(Connection connection, Map<Long, List<IndexRow>> otherIndexes) throws SQLException {
        readTables(connection);
        readColumns(connection);
        readConstraints(connection);
        readIndexes(connection, otherIndexes);
        Map<Long, String> names = new LinkedHashMap<>();
        drafts.forEach((oid, d) -> names.put(oid, d.name));
        return names;
    }

    List<Table> tables() {
        return drafts.values().stream().map(Draft::toTable).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Table::name)).toList();
    }

    private String modelName(String schema, String name) {
        return PostgresNames.modelName(schema, name, currentSchema);
    }

    private void readTables(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.TABLES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> parentSchemas = strings(rs.getArray("parent_schemas"));
                List<String> parentNames = strings(rs.getArray("parent_names"));
                List<String> parents = new ArrayList<>();
                for (int i = 0; i < parentNames.size(); i++) {
                    parents.add(modelName(parentSchemas.get(i), parentNames.get(i)));
                }
                boolean partition = rs.getBoolean("relispartition");
                Map<String, String> options = new TreeMap<>();
                if ("u".equals(rs.getString("relpersistence"))) {
                    options.put("unlogged", "true");
                }
                if (!partition && !parents.isEmpty()) {
                    options.put("inherits", String.join(",", parents));
                }
                String with = PostgresTableOptions.storage(strings(rs.getArray("options")));
                if (with != null) {
                    options.put("with", with);
                }
                Partition partitionOf = partition && !parents.isEmpty()
                        ? new Partition(parents.get(0), rs.getString("bound")) : null;
                drafts.put(rs.getLong("oid"), new Draft(modelName(rs.getString("nspname"), rs.getString("relname")),
                        emptyAsNull(rs.getString("comment")), rs.getString("partition_by"), partitionOf, options,
                        !partition && !parents.isEmpty()));
            }
        }
    }

    private void readColumns(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.COLUMNS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Draft d = drafts.get(rs.getLong("attrelid"));
                if (d == null) {
                    continue;
                }
                ColumnType type = PostgresTypes.fromCatalog(rs.getString("type"));
                String identity = rs.getString("attidentity");
                boolean autoIncrement = !identity.isEmpty();
                boolean generated = !rs.getString("attgenerated").isEmpty();
                String expression = rs.getString("default_value");
                // serial stays serial: its nextval() default is an ordinary default, its sequence an object
                String def = autoIncrement || generated ? null : PostgresDefaults.canonical(expression, type);
                int attnum = rs.getInt("attnum");
                d.columns.put(attnum, new Column(rs.getString("attname"), type, !rs.getBoolean("attnotnull"), def,
                        autoIncrement, emptyAsNull(rs.getString("comment")),
                        "a".equals(identity) ? Identity.ALWAYS : null, generated ? expression : null,
                        rs.getString("collation")));
                if (!rs.getBoolean("attislocal")) {
                    d.inheritedOnly.add(attnum);
                }
            }
        }
    }

    private void readConstraints(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.CONSTRAINTS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Draft d = drafts.get(rs.getLong("conrelid"));
                if (d == null) {
                    continue;
                }
                String name = rs.getString("conname");
                List<String> columns = strings(rs.getArray("columns"));
                boolean deferrable = rs.getBoolean("condeferrable");
                boolean deferred = rs.getBoolean("condeferred");
                boolean notValid = !rs.getBoolean("convalidated");
                String comment = emptyAsNull(rs.getString("comment"));
                switch (rs.getString("contype")) {
                    case "p" -> d.primaryKey = new PrimaryKey(name, columns, comment);
                    case "u" -> d.uniques.add(new UniqueConstraint(name, columns, deferrable, deferred,
                            rs.getBoolean("nulls_not_distinct"), comment));
                    case "c" -> d.checks.add(new Check(name, checkExpression(rs.getString("definition")),
                            notValid, comment));
                    case "f" -> d.foreignKeys.add(new ForeignKey(name, columns,
                            modelName(rs.getString("ref_schema"), rs.getString("ref_table")),
                            strings(rs.getArray("ref_columns")), action(rs.getString("confdeltype")),
                            action(rs.getString("confupdtype")), deferrable, deferred, notValid,
                            strings(rs.getArray("set_columns")), comment));
                    case "x" -> d.exclusions.add(new Exclusion(name, rs.getString("definition"), comment));
                    default -> {
                        // the query selects only the kinds above
                    }
                }
            }
        }
    }

    private void readIndexes(Connection connection, Map<Long, List<IndexRow>> otherIndexes) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.INDEXES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                IndexRow row = new IndexRow(rs.getString("name"), rs.getBoolean("indisunique"),
                        rs.getString("method"), strings(rs.getArray("columns")), strings(rs.getArray("key_sql")),
                        ints(rs.getString("options")), strings(rs.getArray("opclasses")),
                        rs.getInt("indnkeyatts"), rs.getString("predicate"), rs.getBoolean("nulls_not_distinct"),
                        emptyAsNull(rs.getString("comment")));
                long relation = rs.getLong("indrelid");
                Draft d = drafts.get(relation);
                if (d != null) {
                    d.indexes.add(row);
                } else {
                    otherIndexes.computeIfAbsent(relation, k -> new ArrayList<>()).add(row);
                }
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

    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(name)).toList();
    }
}
