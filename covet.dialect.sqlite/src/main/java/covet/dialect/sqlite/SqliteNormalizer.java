package covet.dialect.sqlite;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import java.util.Comparator;
import java.util.List;

/**
 * A wanted schema as {@link SqliteIntrospector} would report it once created on SQLite: tables and indexes by name,
 * declared types in their canonical spelling, AUTOINCREMENT keys as INTEGER primary keys, DEFAULT NULL as no default,
 * no comments (SQLite has none).
 */
final class SqliteNormalizer {
    private SqliteNormalizer() {
    }

    static Schema normalize(Schema schema) {
        return new Schema(schema.tables().stream().map(SqliteNormalizer::table)
                .sorted(Comparator.comparing(Table::name)).toList());
    }

    static Table table(Table t) {
        List<Column> columns = t.columns().stream().map(SqliteNormalizer::column).toList();
        PrimaryKey pk = t.primaryKey();
        Column auto = columns.stream().filter(Column::autoIncrement).findFirst().orElse(null);
        if (auto != null && pk == null) {
            pk = new PrimaryKey(null, List.of(auto.name()));
        }
        List<Index> indexes = t.indexes().stream().map(SqliteNormalizer::index)
                .sorted(Comparator.comparing(Index::name)).toList();
        List<Check> checks = t.checks().stream().map(c -> new Check(c.name(), c.expression().strip())).toList();
        return new Table(t.name(), columns, pk, t.uniques(), indexes, t.foreignKeys(), checks, null);
    }

    private static Column column(Column c) {
        if (c.autoIncrement()) {
            return new Column(c.name(), LogicalType.of(TypeKind.INTEGER), c.nullable(), null, true, null);
        }
        return new Column(c.name(), type(c.type()), c.nullable(), SqliteDefaults.normalize(c.defaultValue()), false,
                null);
    }

    /** The type that reading the rendered declaration gives back. */
    static ColumnType type(ColumnType type) {
        if (type instanceof NativeType && SqliteTableRebuild.isGenerated(Column.of("generated", type))) {
            return type;
        }
        return SqliteTypes.fromDeclared(SqliteTypes.render(type));
    }

    private static Index index(Index i) {
        List<IndexColumn> keys = i.columns().stream()
                .map(k -> k.isExpression() ? new IndexColumn(null, k.expression().strip(), k.descending()) : k)
                .toList();
        return new Index(i.name(), keys, i.unique(), i.where() == null ? null : i.where().strip());
    }
}
