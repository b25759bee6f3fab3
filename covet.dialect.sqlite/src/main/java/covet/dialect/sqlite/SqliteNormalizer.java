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
import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A wanted schema as {@link SqliteIntrospector} would report it once created on SQLite: tables and indexes by name,
 * declared types in their canonical spelling, AUTOINCREMENT keys as INTEGER primary keys, DEFAULT NULL as no default,
 * no comments (SQLite has none: not on tables, columns, indexes or constraints), the built-in collations in upper case, and an identity refinement as plain
 * AUTOINCREMENT (SQLite has one kind: ALWAYS is not enforced, so it reads back as the ordinary auto-increment). A
 * stored generated column is its type plus {@code generated} ({@link SqliteGeneratedColumns}), also when a migration
 * spells it in its native type; a virtual one stays in its native type. Views, triggers and
 * virtual tables in their canonical text ({@link SqliteObjectText}). What SQLite cannot hold at all (index methods,
 * exclusions, other table options, other named objects) is kept
 * as it is, so that a diff shows it and rendering refuses it by name.
 */
final class SqliteNormalizer {
    static final Set<String> BUILT_IN_COLLATIONS = Set.of("BINARY", "NOCASE", "RTRIM");

    private SqliteNormalizer() {
    }

    static Schema normalize(Schema schema) {
        return schema.withTables(schema.tables().stream().map(SqliteNormalizer::table)
                .sorted(Comparator.comparing(Table::name)).toList())
                .withObjects(schema.objects().stream().map(o -> object(o, SqliteObjectText.names(schema)))
                        .sorted(SqliteObjectReader.ORDER).toList());
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
        List<Check> checks = t.checks().stream()
                .map(c -> c.withExpression(c.expression().strip()).withComment(null)).toList();
        return t.withColumns(columns).withPrimaryKey(pk == null ? null : pk.withComment(null)).withIndexes(indexes)
                .withUniques(t.uniques().stream().map(u -> u.withComment(null)).toList())
                .withForeignKeys(t.foreignKeys().stream().map(f -> f.withComment(null)).toList())
                .withChecks(checks).withComment(null).withOptions(SqliteTableOptions.normalize(t.options()));
    }

    /** Views, triggers and virtual tables in canonical text, without comments; other kinds stay for refusal. */
    static SchemaObject object(SchemaObject o, Set<String> names) {
        if (o instanceof View v) {
            return new View(v.name(), SqliteObjectText.canonical(v.definition(), names), null, v.dependsOn());
        }
        if (o instanceof Trigger t) {
            return new Trigger(t.table(), t.trigger(), SqliteObjectText.canonical(t.definition(), names), null,
                    t.dependsOn());
        }
        if (o instanceof VirtualTable v) {
            return new VirtualTable(v.name(), SqliteObjectText.canonical(v.definition(), names), null,
                    v.dependsOn());
        }
        return o;
    }

    private static Column column(Column c) {
        String collation = c.collation() == null ? null : collation(c.collation());
        if (c.autoIncrement()) {
            return new Column(c.name(), LogicalType.of(TypeKind.INTEGER), c.nullable(), null, true, null, null, null,
                    collation);
        }
        if (c.generated() != null) {
            return new Column(c.name(), type(c.type()), c.nullable(), null, false, null, null,
                    c.generated().strip(), collation);
        }
        if (c.type() instanceof NativeType n && SqliteGeneratedColumns.storedExpression(n) != null) {
            // a stored column in the declared-type spelling (migration files written before the field was used)
            return new Column(c.name(), SqliteTypes.fromDeclared(SqliteGeneratedColumns.declaredType(n)),
                    c.nullable(), null, false, null, null, SqliteGeneratedColumns.storedExpression(n), collation);
        }
        return new Column(c.name(), type(c.type()), c.nullable(), SqliteDefaults.normalize(c.defaultValue()), false,
                null, null, null, collation);
    }

    /** A collation as SQLite matches it: the built-in names in any case are one collation. */
    static String collation(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return BUILT_IN_COLLATIONS.contains(upper) ? upper : name.strip();
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
                .map(k -> k.isExpression()
                        ? new IndexColumn(null, k.expression().strip(), k.descending(), k.nulls(), k.opclass()) : k)
                .toList();
        String method = i.method() == null || i.method().equalsIgnoreCase("btree") ? null : i.method();
        return new Index(i.name(), keys, i.unique(), i.where() == null ? null : i.where().strip(), method,
                i.include(), i.nullsNotDistinct(), null);
    }
}
