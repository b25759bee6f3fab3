package covet.dialect.postgres;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes a wanted schema look the way {@link PostgresIntrospector} reports it: type spellings
 * ({@link PostgresTypes#normalize}), canonical defaults ({@link PostgresDefaults}), primary key columns and identity
 * columns NOT NULL, BY DEFAULT identity as plain auto-increment, the primary key named {@code <table>_pkey} when
 * unnamed, empty comments (of tables, columns, indexes and constraints) as none, predicates, index and generated
 * expressions in {@link PostgresExpressions}' canonical spelling, index methods, NULLS orders and operator classes
 * that are the defaults as null, table options as {@link PostgresTableOptions} spells them, the named objects as
 * {@link PostgresObjectNormalizer} does, and tables and named objects in name order (the introspector's order).
 * A foreign key's {@code onDeleteSetColumns} is kept as written, even when it names every column: the server
 * stores {@code SET NULL (a)} apart from {@code SET NULL} and pg_dump shows it. normalize(normalize(s)) is
 * normalize(s).
 */
final class PostgresNormalizer {
    /** The default operator class of a btree or hash index on a column of each logical type. */
    private static final Map<TypeKind, String> DEFAULT_OPCLASS = new EnumMap<>(Map.ofEntries(
            Map.entry(TypeKind.SMALLINT, "int2_ops"), Map.entry(TypeKind.INTEGER, "int4_ops"),
            Map.entry(TypeKind.BIGINT, "int8_ops"), Map.entry(TypeKind.DECIMAL, "numeric_ops"),
            Map.entry(TypeKind.FLOAT, "float4_ops"), Map.entry(TypeKind.DOUBLE, "float8_ops"),
            Map.entry(TypeKind.BOOLEAN, "bool_ops"), Map.entry(TypeKind.CHAR, "bpchar_ops"),
            Map.entry(TypeKind.VARCHAR, "text_ops"), Map.entry(TypeKind.TEXT, "text_ops"),
            Map.entry(TypeKind.DATE, "date_ops"), Map.entry(TypeKind.TIME, "time_ops"),
            Map.entry(TypeKind.TIMESTAMP, "timestamp_ops"), Map.entry(TypeKind.TIMESTAMPTZ, "timestamptz_ops"),
            Map.entry(TypeKind.BINARY, "bytea_ops"), Map.entry(TypeKind.JSON, "jsonb_ops"),
            Map.entry(TypeKind.UUID, "uuid_ops")));

    private PostgresNormalizer() {
    }

    static Schema normalize(Schema schema) {
        return new Schema(schema.tables().stream().map(PostgresNormalizer::table)
                .sorted(Comparator.comparing(Table::name)).toList(),
                PostgresObjectNormalizer.normalize(schema.objects()));
    }

    static Table table(Table t) {
        PrimaryKey pk = t.primaryKey();
        Set<String> keyColumns = pk == null ? Set.of() : Set.copyOf(pk.columns());
        List<Column> typed = t.columns().stream().map(c -> column(c, keyColumns.contains(c.name()))).toList();
        Set<String> strings = PostgresExpressions.stringColumns(typed);
        List<Column> columns = typed.stream().map(c -> c.generated() == null ? c
                : c.withGenerated(PostgresExpressions.canonical(c.generated(), strings))).toList();
        Map<String, ColumnType> types = columns.stream().collect(Collectors.toMap(Column::name, Column::type));
        PrimaryKey namedPk = pk == null ? null : pk.withName(pk.name() != null ? pk.name()
                : PostgresNames.generated(PostgresNames.localName(t.name()), null, "pkey"))
                .withComment(emptyAsNull(pk.comment()));
        return new Table(t.name(), columns, namedPk,
                sorted(t.uniques().stream().map(u -> u.withComment(emptyAsNull(u.comment()))).toList(),
                        UniqueConstraint::name),
                sorted(t.indexes().stream().map(i -> index(i, types, strings)).toList(), Index::name),
                sorted(t.foreignKeys().stream().map(f -> f.withComment(emptyAsNull(f.comment()))).toList(),
                        ForeignKey::name),
                sorted(t.checks().stream().map(c -> c.withExpression(PostgresExpressions.canonical(c.expression(),
                        strings)).withComment(emptyAsNull(c.comment()))).toList(), Check::name),
                emptyAsNull(t.comment()),
                sorted(t.exclusions().stream().map(x -> x.withDefinition(x.definition().strip())
                        .withComment(emptyAsNull(x.comment()))).toList(), Exclusion::name),
                partitionBy(t.partitionBy()), partition(t.partitionOf()), PostgresTableOptions.normalize(t.options()));
    }

    static Column column(Column c, boolean inPrimaryKey) {
        var type = PostgresTypes.normalize(c.type());
        boolean nullable = c.nullable() && !inPrimaryKey && !c.autoIncrement();
        String def = c.autoIncrement() || c.generated() != null ? null
                : PostgresDefaults.canonical(c.defaultValue(), type);
        Identity identity = c.identity() == Identity.ALWAYS ? Identity.ALWAYS : null;
        return new Column(c.name(), type, nullable, def, c.autoIncrement(), emptyAsNull(c.comment()),
                c.autoIncrement() ? identity : null, c.generated(), PostgresObjectNormalizer.collation(c.collation()));
    }

    /** An index against its table's column types (none for a materialized view's) and string columns. */
    static Index index(Index i, Map<String, ColumnType> types, Set<String> stringColumns) {
        String method = i.method() == null ? null : i.method().strip().toLowerCase(Locale.ROOT);
        String am = method == null || method.isEmpty() || method.equals("btree") ? null : method;
        List<IndexColumn> keys = i.columns().stream().map(k -> {
            String nulls = k.nulls() == null || k.nulls().equals(k.descending() ? "first" : "last") ? null
                    : k.nulls();
            String opclass = opclass(k.opclass(), am, k.isExpression() ? null : types.get(k.name()));
            return k.isExpression()
                    ? new IndexColumn(null, PostgresExpressions.canonical(k.expression(), stringColumns),
                    k.descending(), nulls, opclass)
                    : new IndexColumn(k.name(), null, k.descending(), nulls, opclass);
        }).toList();
        return new Index(i.name(), keys, i.unique(), PostgresExpressions.canonical(i.where(), stringColumns), am,
                i.include(), i.nullsNotDistinct(), emptyAsNull(i.comment()));
    }

    /**
     * An operator class as the introspector names it: unquoted, without {@code pg_catalog.}, null when it is the
     * default for the column's type. Without a catalog only the common defaults are known: btree and hash over
     * the logical types, GIN over arrays and jsonb, GIN and GiST over tsvector.
     */
    static String opclass(String opclass, String method, ColumnType type) {
        String o = PostgresObjectNormalizer.collation(opclass);
        if (o == null || type == null) {
            return o;
        }
        String m = method == null ? "btree" : method;
        String byDefault = null;
        if ((m.equals("btree") || m.equals("hash")) && type instanceof LogicalType l) {
            byDefault = DEFAULT_OPCLASS.get(l.kind());
        } else if (m.equals("gin") && type instanceof NativeType n && n.sql().endsWith("[]")) {
            byDefault = "array_ops";
        } else if (m.equals("gin") && type instanceof LogicalType l && l.kind() == TypeKind.JSON) {
            byDefault = "jsonb_ops";
        } else if ((m.equals("gin") || m.equals("gist")) && type instanceof NativeType n
                && n.sql().equals("tsvector")) {
            byDefault = "tsvector_ops";
        }
        return o.equals(byDefault) ? null : o;
    }

    /** {@code range (a)} is {@code RANGE (a)}: the strategy is a keyword, the server prints it in capitals. */
    static String partitionBy(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.strip();
        int space = k.indexOf('(');
        String strategy = (space < 0 ? k : k.substring(0, space)).strip().toUpperCase(Locale.ROOT);
        return space < 0 ? strategy : strategy + " " + k.substring(space);
    }

    static Partition partition(Partition p) {
        if (p == null) {
            return null;
        }
        String bound = p.bound().strip();
        return new Partition(p.parent(), bound.equalsIgnoreCase("default") ? "DEFAULT" : bound);
    }

    private static <T> List<T> sorted(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(name)).toList();
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
