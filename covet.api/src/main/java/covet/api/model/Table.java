package covet.api.model;

import covet.api.Preconditions;
import covet.api.SchemaStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A table with its columns in order, primary key (or null), unique constraints, secondary indexes, foreign keys,
 * checks, exclusion constraints and comment. {@code partitionBy} is the partition key of a partitioned table as the
 * database renders it ({@code RANGE (payment_date)}), or null; {@code partitionOf} places a partition under its
 * parent. {@code options} are the dialect's own table options by name (PostgreSQL: {@code unlogged},
 * {@code inherits}, storage parameters; MySQL: {@code engine}, {@code charset}, ...), compared as the dialect
 * normalises them. Immutable: every {@code with…} returns a new table.
 */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                    List<Index> indexes, List<ForeignKey> foreignKeys, List<Check> checks, String comment,
                    List<Exclusion> exclusions, String partitionBy, Partition partitionOf,
                    Map<String, String> options) {

    public Table {
        Preconditions.notBlank(name, "table name");
        columns = columns == null ? List.of() : List.copyOf(columns);
        // a partition, a partitioned table and a table that inherits its columns (PostgreSQL's INHERITS) may
        // hold no column of their own; any other table needs one
        Preconditions.check(!columns.isEmpty() || partitionOf != null || partitionBy != null
                        || (options != null && options.containsKey("inherits")),
                "columns of table '" + name + "' must name at least one element");
        uniques = uniques == null ? List.of() : List.copyOf(uniques);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        checks = checks == null ? List.of() : List.copyOf(checks);
        exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        long distinct = columns.stream().map(Column::name).distinct().count();
        Preconditions.check(distinct == columns.size(), "table '" + name + "' names a column twice");
    }

    public Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniques,
                 List<Index> indexes, List<ForeignKey> foreignKeys, List<Check> checks, String comment) {
        this(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, null, null, null, null);
    }

    public static Table of(String name, List<Column> columns, PrimaryKey primaryKey) {
        return new Table(name, columns, primaryKey, null, null, null, null, null);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Column requireColumn(String columnName) {
        return column(columnName).orElseThrow(() -> new SchemaStateException(
                "table '" + name + "' has no column '" + columnName + "'"));
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public Optional<ForeignKey> foreignKey(String fkName) {
        return foreignKeys.stream().filter(f -> f.name().equals(fkName)).findFirst();
    }

    public Optional<UniqueConstraint> unique(String uniqueName) {
        return uniques.stream().filter(u -> u.name().equals(uniqueName)).findFirst();
    }

    public Optional<Check> check(String checkName) {
        return checks.stream().filter(c -> c.name().equals(checkName)).findFirst();
    }

    public Optional<Exclusion> exclusion(String exclusionName) {
        return exclusions.stream().filter(c -> c.name().equals(exclusionName)).findFirst();
    }

    public Table withName(String newName) {
        return new Table(newName, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, exclusions,
                partitionBy, partitionOf, options);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, uniques, indexes, foreignKeys, checks, comment, exclusions,
                partitionBy, partitionOf, options);
    }

    public Table withPrimaryKey(PrimaryKey pk) {
        return new Table(name, columns, pk, uniques, indexes, foreignKeys, checks, comment, exclusions,
                partitionBy, partitionOf, options);
    }

    public Table withUniques(List<UniqueConstraint> newUniques) {
        return new Table(name, columns, primaryKey, newUniques, indexes, foreignKeys, checks, comment, exclusions,
                partitionBy, partitionOf, options);
    }

    public Table withIndexes(List<Index> newIndexes) {
        return new Table(name, columns, primaryKey, uniques, newIndexes, foreignKeys, checks, comment, exclusions,
                partitionBy, partitionOf, options);
    }

    public Table withForeignKeys(List<ForeignKey> newForeignKeys) {
        return new Table(name, columns, primaryKey, uniques, indexes, newForeignKeys, checks, comment, exclusions,
                partitionBy, partitionOf, options);
    }

    public Table withChecks(List<Check> newChecks) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, newChecks, comment, exclusions,
                partitionBy, partitionOf, options);
    }

    public Table withComment(String text) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, text, exclusions,
                partitionBy, partitionOf, options);
    }

    public Table withExclusions(List<Exclusion> newExclusions) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, newExclusions,
                partitionBy, partitionOf, options);
    }

    public Table withPartitionBy(String key) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, exclusions,
                key, partitionOf, options);
    }

    public Table withPartitionOf(Partition partition) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, exclusions,
                partitionBy, partition, options);
    }

    public Table withOptions(Map<String, String> newOptions) {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, exclusions,
                partitionBy, partitionOf, newOptions);
    }

    /** Appends a column; fails when the name is taken. */
    public Table addColumn(Column column) {
        if (column(column.name()).isPresent()) {
            throw new SchemaStateException("table '" + name + "' already has a column '" + column.name() + "'");
        }
        return withColumns(append(columns, column));
    }

    /** Replaces the column of the same name, keeping its position. */
    public Table replaceColumn(Column column) {
        requireColumn(column.name());
        return withColumns(columns.stream().map(c -> c.name().equals(column.name()) ? column : c).toList());
    }

    /**
     * Drops a column and everything that cannot outlive it: indexes, unique constraints and foreign keys that use
     * it, and the primary key when it is part of it (what databases do on DROP COLUMN).
     */
    public Table dropColumn(String columnName) {
        requireColumn(columnName);
        Predicate<List<String>> uses = cols -> cols.contains(columnName);
        return withColumns(columns.stream().filter(c -> !c.name().equals(columnName)).toList())
                .withPrimaryKey(primaryKey != null && uses.test(primaryKey.columns()) ? null : primaryKey)
                .withUniques(uniques.stream().filter(u -> !uses.test(u.columns())).toList())
                .withIndexes(indexes.stream().filter(i -> !i.covers(columnName)).toList())
                .withForeignKeys(foreignKeys.stream().filter(f -> !uses.test(f.columns())).toList());
    }

    /** Renames a column everywhere this table mentions it. */
    public Table renameColumn(String from, String to) {
        requireColumn(from);
        if (column(to).isPresent()) {
            throw new SchemaStateException("table '" + name + "' already has a column '" + to + "'");
        }
        Function<List<String>, List<String>> ren = cols -> cols.stream().map(c -> c.equals(from) ? to : c).toList();
        return withColumns(columns.stream().map(c -> c.name().equals(from) ? c.withName(to) : c).toList())
                .withPrimaryKey(primaryKey == null ? null
                        : primaryKey.withColumns(ren.apply(primaryKey.columns())))
                .withUniques(uniques.stream().map(u -> u.withColumns(ren.apply(u.columns()))).toList())
                .withIndexes(indexes.stream().map(i -> i.withColumns(i.columns().stream()
                        .map(k -> from.equals(k.name()) ? k.withName(to) : k).toList())
                        .withInclude(ren.apply(i.include()))).toList())
                .withForeignKeys(foreignKeys.stream().map(f -> f.withColumns(ren.apply(f.columns()),
                        f.referencedTable(), f.referencedColumns())).toList());
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
