package covet.api.migration;

import covet.api.Preconditions;
import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Describes a table in code: {@code t.autoId("id").varchar("username", 50).notNull().text("bio")}. Column
 * modifiers ({@link #notNull()}, {@link #defaultValue(String)}, {@link #comment(String)}, {@link #identity},
 * {@link #generated}, {@link #collation}) apply to the column added last. Used by
 * {@link MigrationBuilder#createTable}; the result is the same {@link Table} a migration file describes.
 */
public final class TableBuilder {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Exclusion> exclusions = new ArrayList<>();
    private final Map<String, String> options = new TreeMap<>();
    private PrimaryKey primaryKey;
    private String comment;
    private String partitionBy;
    private Partition partitionOf;

    TableBuilder(String name) {
        this.name = Preconditions.notBlank(name, "table name");
    }

    /** An auto-increment integer primary key column. */
    public TableBuilder autoId(String column) {
        columns.add(Column.of(column, LogicalType.of(TypeKind.INTEGER)).notNull().withAutoIncrement(true));
        primaryKey = PrimaryKey.of(column);
        return this;
    }

    public TableBuilder column(Column column) {
        columns.add(column);
        return this;
    }

    /** A nullable column of a type in its text form: {@code "decimal(12,2)"}, {@code "native:text[]"}. */
    public TableBuilder column(String column, String type) {
        return column(Column.of(column, ColumnType.parse(type)));
    }

    public TableBuilder integer(String column) {
        return column(Column.of(column, LogicalType.of(TypeKind.INTEGER)));
    }

    public TableBuilder bigint(String column) {
        return column(Column.of(column, LogicalType.of(TypeKind.BIGINT)));
    }

    public TableBuilder varchar(String column, int length) {
        return column(Column.of(column, LogicalType.varchar(length)));
    }

    public TableBuilder text(String column) {
        return column(Column.of(column, LogicalType.of(TypeKind.TEXT)));
    }

    public TableBuilder bool(String column) {
        return column(Column.of(column, LogicalType.of(TypeKind.BOOLEAN)));
    }

    public TableBuilder timestamp(String column) {
        return column(Column.of(column, LogicalType.of(TypeKind.TIMESTAMP)));
    }

    public TableBuilder decimal(String column, int precision, int scale) {
        return column(Column.of(column, LogicalType.decimal(precision, scale)));
    }

    /** The last column may not hold NULL. */
    public TableBuilder notNull() {
        return replaceLast(last().notNull());
    }

    /** The last column's default, an SQL expression. */
    public TableBuilder defaultValue(String expression) {
        return replaceLast(last().withDefault(expression));
    }

    /** A comment on the last column. */
    public TableBuilder comment(String text) {
        return replaceLast(last().withComment(text));
    }

    /**
     * The last column is an identity column generated {@code ALWAYS} or {@code BY_DEFAULT} (which makes it
     * auto-increment): {@code t.bigint("id").notNull().identity(Identity.ALWAYS)}.
     */
    public TableBuilder identity(Identity identity) {
        return replaceLast(last().withAutoIncrement(true).withIdentity(identity));
    }

    /** The last column is a stored generated column computed by this SQL expression. */
    public TableBuilder generated(String expression) {
        return replaceLast(last().withGenerated(expression));
    }

    /** The last column's collation, as the database names it. */
    public TableBuilder collation(String name) {
        return replaceLast(last().withCollation(name));
    }

    public TableBuilder tableComment(String text) {
        this.comment = text;
        return this;
    }

    public TableBuilder primaryKey(String... key) {
        primaryKey = new PrimaryKey(null, Arrays.asList(key));
        return this;
    }

    public TableBuilder unique(String constraint, String... key) {
        uniques.add(new UniqueConstraint(constraint, Arrays.asList(key)));
        return this;
    }

    public TableBuilder index(String index, String... key) {
        indexes.add(Index.on(index, key));
        return this;
    }

    public TableBuilder uniqueIndex(String index, String... key) {
        indexes.add(Index.uniqueOn(index, key));
        return this;
    }

    public TableBuilder foreignKey(String key, String column, String referencedTable, String referencedColumn,
                                   ReferentialAction onDelete) {
        foreignKeys.add(ForeignKey.of(key, column, referencedTable, referencedColumn).onDelete(onDelete));
        return this;
    }

    /** Any index, e.g. {@code Index.on("ix_doc", "body").withMethod("gin")} or one with INCLUDE columns. */
    public TableBuilder index(Index index) {
        indexes.add(index);
        return this;
    }

    public TableBuilder check(String constraint, String expression) {
        checks.add(new Check(constraint, expression));
        return this;
    }

    /** An exclusion constraint, written as the database renders it: {@code EXCLUDE USING gist (...)}. */
    public TableBuilder exclusion(String constraint, String definition) {
        exclusions.add(new Exclusion(constraint, definition));
        return this;
    }

    /** Makes the table partitioned by this key, as the database writes it: {@code RANGE (created_at)}. */
    public TableBuilder partitionBy(String key) {
        this.partitionBy = key;
        return this;
    }

    /** Makes the table a partition of {@code parent}: {@code FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')}. */
    public TableBuilder partitionOf(String parent, String bound) {
        this.partitionOf = new Partition(parent, bound);
        return this;
    }

    /** A table option of the dialect, e.g. PostgreSQL {@code unlogged} = {@code true}. */
    public TableBuilder option(String key, String value) {
        options.put(key, value);
        return this;
    }

    Table build() {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment, exclusions,
                partitionBy, partitionOf, options);
    }

    private Column last() {
        Preconditions.check(!columns.isEmpty(), "table '" + name + "': add a column before modifying it");
        return columns.get(columns.size() - 1);
    }

    private TableBuilder replaceLast(Column column) {
        columns.set(columns.size() - 1, column);
        return this;
    }
}
