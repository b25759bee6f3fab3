package covet.api.migration;

import covet.api.Preconditions;
import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Describes a table in code: {@code t.autoId("id").varchar("username", 50).notNull().text("bio")}. Column
 * modifiers ({@link #notNull()}, {@link #defaultValue(String)}, {@link #comment(String)}) apply to the column added
 * last. Used by {@link MigrationBuilder#createTable}; the result is the same {@link Table} a migration file describes.
 */
public final class TableBuilder {
    private final String name;
    private final List<Column> columns = new ArrayList<>();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private PrimaryKey primaryKey;
    private String comment;

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

    public TableBuilder check(String constraint, String expression) {
        checks.add(new Check(constraint, expression));
        return this;
    }

    Table build() {
        return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment);
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
