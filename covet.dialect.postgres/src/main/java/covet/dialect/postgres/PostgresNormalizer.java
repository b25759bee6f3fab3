package covet.dialect.postgres;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Makes a wanted schema look the way {@link PostgresIntrospector} reports it: type spellings
 * ({@link PostgresTypes#normalize}), canonical defaults ({@link PostgresDefaults}), primary key columns and identity
 * columns NOT NULL, the primary key named {@code <table>_pkey} when unnamed, empty comments as none, predicates
 * and index expressions in {@link PostgresExpressions}' canonical spelling, and tables and named objects in name order (the introspector's order).
 */
final class PostgresNormalizer {

    private PostgresNormalizer() {
    }

    static Schema normalize(Schema schema) {
        return new Schema(schema.tables().stream().map(PostgresNormalizer::table)
                .sorted(Comparator.comparing(Table::name)).toList());
    }

    static Table table(Table t) {
        PrimaryKey pk = t.primaryKey();
        Set<String> keyColumns = pk == null ? Set.of() : Set.copyOf(pk.columns());
        List<Column> columns = t.columns().stream()
                .map(c -> column(c, keyColumns.contains(c.name()))).toList();
        PrimaryKey namedPk = pk == null ? null : new PrimaryKey(
                pk.name() != null ? pk.name() : PostgresNames.generated(PostgresNames.localName(t.name()), null,
                        "pkey"), pk.columns());
        Set<String> strings = PostgresExpressions.stringColumns(columns);
        return new Table(t.name(), columns, namedPk,
                t.uniques().stream().sorted(Comparator.comparing(UniqueConstraint::name)).toList(),
                t.indexes().stream().map(i -> index(i, strings)).sorted(Comparator.comparing(Index::name))
                        .toList(),
                t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::name)).toList(),
                t.checks().stream().map(c -> new Check(c.name(),
                                PostgresExpressions.canonical(c.expression(), strings)))
                        .sorted(Comparator.comparing(Check::name)).toList(),
                emptyAsNull(t.comment()));
    }

    static Column column(Column c, boolean inPrimaryKey) {
        var type = PostgresTypes.normalize(c.type());
        boolean nullable = c.nullable() && !inPrimaryKey && !c.autoIncrement();
        String def = c.autoIncrement() ? null : PostgresDefaults.canonical(c.defaultValue(), type);
        return new Column(c.name(), type, nullable, def, c.autoIncrement(), emptyAsNull(c.comment()));
    }

    static Index index(Index i, Set<String> stringColumns) {
        List<IndexColumn> keys = i.columns().stream().map(k -> k.isExpression()
                ? new IndexColumn(null, PostgresExpressions.canonical(k.expression(), stringColumns), k.descending())
                : k).toList();
        return new Index(i.name(), keys, i.unique(), PostgresExpressions.canonical(i.where(), stringColumns));
    }

    private static String emptyAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
