package covet.dialect.sqlite;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.NativeType;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds one {@link Table} from its catalog rows and the parsed text of its CREATE statements. */
final class SqliteTableAssembler {
    private final Map<String, SqliteCatalogRows> byLowerName = new LinkedHashMap<>();

    SqliteTableAssembler(Map<String, SqliteCatalogRows> tables) {
        tables.forEach((name, rows) -> byLowerName.put(name.toLowerCase(Locale.ROOT), rows));
    }

    Table assemble(SqliteCatalogRows rows) {
        SqliteTableSql parsed = SqliteTableSqlParser.parse(rows.sql());
        SqliteGeneratedNames names = new SqliteGeneratedNames(rows.table());
        parsed.uniques().forEach(u -> declare(names, u.name()));
        parsed.foreignKeys().forEach(f -> declare(names, f.name()));
        parsed.checks().forEach(c -> declare(names, c.name()));
        return new Table(rows.table(), columns(rows, parsed), primaryKey(rows.columns(), parsed.primaryKeyName()),
                uniques(rows, parsed, names), indexes(rows), foreignKeys(rows, parsed, names),
                checks(parsed, names), null);
    }

    private static void declare(SqliteGeneratedNames names, String name) {
        if (name != null) {
            names.declared(name);
        }
    }

    private static List<Column> columns(SqliteCatalogRows rows, SqliteTableSql parsed) {
        List<Column> columns = new ArrayList<>();
        for (SqliteCatalogRows.ColumnRow c : rows.columns()) {
            String declared = c.type() == null ? "" : c.type().strip();
            ColumnType type = SqliteTypes.fromDeclared(declared);
            String generated = parsed.generated().get(c.name().toLowerCase(Locale.ROOT));
            String stored = null;
            if ((c.hidden() == 2 || c.hidden() == 3) && generated != null) {
                type = new NativeType(declared.isEmpty() ? generated : declared + " " + generated);
                stored = SqliteGeneratedColumns.storedExpression((NativeType) type);
                if (stored != null) {
                    type = SqliteTypes.fromDeclared(declared);
                }
            }
            boolean auto = c.pk() == 1 && c.name().equalsIgnoreCase(parsed.autoIncrementColumn())
                    && declared.equalsIgnoreCase("INTEGER");
            String collation = parsed.collations().get(c.name().toLowerCase(Locale.ROOT));
            columns.add(new Column(c.name(), type, !c.notNull(), stored != null ? null
                    : SqliteDefaults.normalize(c.defaultValue()), auto, null, null, stored,
                    collation == null ? null : SqliteNormalizer.collation(collation)));
        }
        return columns;
    }

    private static PrimaryKey primaryKey(List<SqliteCatalogRows.ColumnRow> columns, String name) {
        List<String> pk = pkColumns(columns);
        return pk.isEmpty() ? null : new PrimaryKey(name, pk);
    }

    private static List<String> pkColumns(List<SqliteCatalogRows.ColumnRow> columns) {
        return columns.stream().filter(c -> c.pk() > 0)
                .sorted(Comparator.comparingInt(SqliteCatalogRows.ColumnRow::pk))
                .map(SqliteCatalogRows.ColumnRow::name).toList();
    }

    /** UNIQUE constraints are the indexes of origin 'u', in declaration order (sqlite_autoindex_T_N). */
    private static List<UniqueConstraint> uniques(SqliteCatalogRows rows, SqliteTableSql parsed,
                                                  SqliteGeneratedNames names) {
        Map<String, List<String>> columnsByIndex = new LinkedHashMap<>();
        rows.indexKeys().stream().filter(k -> "u".equals(k.origin()))
                .sorted(Comparator.comparingInt((SqliteCatalogRows.IndexRow k) -> autoindexNumber(k.index()))
                        .thenComparingInt(SqliteCatalogRows.IndexRow::seqno))
                .forEach(k -> columnsByIndex.computeIfAbsent(k.index(), x -> new ArrayList<>()).add(k.column()));
        List<SqliteTableSql.Unique> unmatched = new ArrayList<>(parsed.uniques());
        List<UniqueConstraint> result = new ArrayList<>();
        for (List<String> cols : columnsByIndex.values()) {
            SqliteTableSql.Unique match = unmatched.stream().filter(u -> sameNames(u.columns(), cols))
                    .findFirst().orElse(null);
            unmatched.remove(match);
            String name = match != null && match.name() != null ? match.name() : names.unique(cols);
            result.add(new UniqueConstraint(name, cols));
        }
        return result;
    }

    private static int autoindexNumber(String index) {
        int underscore = index.lastIndexOf('_');
        try {
            return Integer.parseInt(index.substring(underscore + 1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Indexes made by CREATE INDEX, by name; expression key parts and WHERE come from the index's own SQL. */
    private static List<Index> indexes(SqliteCatalogRows rows) {
        Map<String, List<SqliteCatalogRows.IndexRow>> byIndex = new LinkedHashMap<>();
        rows.indexKeys().stream().filter(k -> "c".equals(k.origin()))
                .forEach(k -> byIndex.computeIfAbsent(k.index(), x -> new ArrayList<>()).add(k));
        List<Index> result = new ArrayList<>();
        for (Map.Entry<String, List<SqliteCatalogRows.IndexRow>> e : byIndex.entrySet()) {
            SqliteCatalogRows.IndexRow first = e.getValue().get(0);
            SqliteIndexSqlParser.IndexSql sql = SqliteIndexSqlParser.parse(first.sql());
            List<IndexColumn> keys = new ArrayList<>();
            for (SqliteCatalogRows.IndexRow k : e.getValue()) {
                String collated = sql.collated(k.seqno());
                if (collated != null) {
                    // a key with its own COLLATE: the model's key parts have no collation, an expression says it
                    keys.add(new IndexColumn(null, collated, k.descending()));
                } else if (k.cid() == -2) {
                    String expression = k.seqno() < sql.keyParts().size() ? sql.keyParts().get(k.seqno()) : "?";
                    keys.add(new IndexColumn(null, expression, k.descending()));
                } else {
                    keys.add(new IndexColumn(k.cid() == -1 ? "rowid" : k.column(), null, k.descending()));
                }
            }
            result.add(new Index(e.getKey(), keys, first.unique(), first.partial() ? sql.where() : null));
        }
        result.sort(Comparator.comparing(Index::name));
        return result;
    }

    private List<ForeignKey> foreignKeys(SqliteCatalogRows rows, SqliteTableSql parsed,
                                         SqliteGeneratedNames names) {
        Map<Integer, List<SqliteCatalogRows.ForeignKeyRow>> byId = new LinkedHashMap<>();
        rows.foreignKeys().forEach(f -> byId.computeIfAbsent(f.id(), x -> new ArrayList<>()).add(f));
        List<SqliteTableSql.ForeignKey> unmatched = new ArrayList<>(parsed.foreignKeys());
        List<ForeignKey> result = new ArrayList<>();
        for (List<SqliteCatalogRows.ForeignKeyRow> parts : byId.values()) {
            SqliteCatalogRows.ForeignKeyRow first = parts.get(0);
            List<String> cols = parts.stream().map(SqliteCatalogRows.ForeignKeyRow::column).toList();
            List<String> refCols = parts.stream().anyMatch(p -> p.referencedColumn() == null)
                    ? implicitTarget(first.referencedTable(), cols)
                    : parts.stream().map(SqliteCatalogRows.ForeignKeyRow::referencedColumn).toList();
            SqliteTableSql.ForeignKey match = unmatched.stream()
                    .filter(f -> sameNames(f.columns(), cols) && f.referencedTable().equalsIgnoreCase(
                            first.referencedTable()))
                    .findFirst().orElse(null);
            unmatched.remove(match);
            String name = match != null && match.name() != null ? match.name() : names.foreignKey(cols);
            result.add(new ForeignKey(name, cols, first.referencedTable(), refCols,
                    action(first.onDelete()), action(first.onUpdate()), match != null && match.deferrable(),
                    match != null && match.initiallyDeferred(), false));
        }
        return result;
    }

    /** REFERENCES t without columns means t's primary key. */
    private List<String> implicitTarget(String referencedTable, List<String> columns) {
        SqliteCatalogRows parent = byLowerName.get(referencedTable.toLowerCase(Locale.ROOT));
        List<String> pk = parent == null ? List.of() : pkColumns(parent.columns());
        return pk.size() == columns.size() ? pk : columns;
    }

    private static ReferentialAction action(String sql) {
        ReferentialAction a = ReferentialAction.parse(sql);
        return a == null ? ReferentialAction.NO_ACTION : a;
    }

    private static List<Check> checks(SqliteTableSql parsed, SqliteGeneratedNames names) {
        List<Check> result = new ArrayList<>();
        int ordinal = 0;
        for (SqliteTableSql.Check c : parsed.checks()) {
            ordinal++;
            String name = c.name() != null ? c.name()
                    : c.column() != null ? names.columnCheck(c.column()) : names.tableCheck(ordinal);
            result.add(new Check(name, c.expression()));
        }
        return result;
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
