package covet.dialect.sqlite;

import covet.api.model.Check;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.Locale;

/**
 * What the model can say and SQLite's DDL cannot: each is refused when rendered, naming the table and the field,
 * instead of being left out of the statement (the database would then hold less than the migration claims).
 * Comments are not among them: SQLite has none (on tables, columns, indexes or constraints), and the normaliser
 * drops them on both sides.
 */
final class SqliteLimits {
    private SqliteLimits() {
    }

    static SqliteUnsupportedException object(SchemaObject object) {
        return new SqliteUnsupportedException(object.describe()
                + ": objects of this kind are not supported by this dialect (SQLite has views, triggers and virtual"
                + " tables)");
    }

    static SqliteUnsupportedException notSupported(String table, String what) {
        return new SqliteUnsupportedException("table " + table + ": " + what + " not supported by this dialect");
    }

    /** Everything of {@code t} beyond its columns, indexes included. */
    static void table(Table t) {
        if (!t.exclusions().isEmpty()) {
            throw notSupported(t.name(), "exclusion constraint " + t.exclusions().get(0).name() + ": exclusion"
                    + " constraints are");
        }
        if (t.partitionBy() != null || t.partitionOf() != null) {
            throw notSupported(t.name(), "declarative partitioning ("
                    + (t.partitionBy() != null ? "PARTITION BY " + t.partitionBy()
                    : "partition of " + t.partitionOf().parent()) + ") is");
        }
        t.uniques().forEach(u -> unique(t.name(), u));
        t.foreignKeys().forEach(f -> foreignKey(t.name(), f));
        t.checks().forEach(c -> check(t.name(), c));
        t.indexes().forEach(i -> index(t.name(), i));
    }

    static void unique(String table, UniqueConstraint u) {
        if (u.deferrable()) {
            throw notSupported(table, "unique constraint " + u.name() + " is DEFERRABLE: deferrable unique"
                    + " constraints are");
        }
        if (u.nullsNotDistinct()) {
            throw notSupported(table, "unique constraint " + u.name() + " is NULLS NOT DISTINCT, which is");
        }
    }

    /** SQLite has DEFERRABLE foreign keys (rendered), but no NOT VALID: it never checks existing rows anyway. */
    static void foreignKey(String table, ForeignKey f) {
        if (!f.onDeleteSetColumns().isEmpty()) {
            throw notSupported(table, "foreign key " + f.name() + " sets only " + f.onDeleteSetColumns() + " ON"
                    + " DELETE " + f.onDelete().sql() + ": a column list there is");
        }
        if (f.notValid()) {
            throw notSupported(table, "foreign key " + f.name() + " is NOT VALID, which is");
        }
    }

    static void check(String table, Check c) {
        if (c.notValid()) {
            throw notSupported(table, "check " + c.name() + " is NOT VALID, which is");
        }
    }

    /** SQLite indexes are b-trees over key parts with an order, and nothing else. */
    static void index(String table, Index i) {
        if (i.method() != null && !i.method().toLowerCase(Locale.ROOT).equals("btree")) {
            throw notSupported(table, "index " + i.name() + " uses method " + i.method() + ": index methods are");
        }
        if (!i.include().isEmpty()) {
            throw notSupported(table, "index " + i.name() + " has INCLUDE " + i.include() + ": included columns"
                    + " are");
        }
        if (i.nullsNotDistinct()) {
            throw notSupported(table, "index " + i.name() + " is NULLS NOT DISTINCT, which is");
        }
        for (IndexColumn k : i.columns()) {
            String part = k.isExpression() ? k.expression() : k.name();
            if (k.nulls() != null) {
                throw notSupported(table, "index " + i.name() + " orders " + part + " NULLS "
                        + k.nulls().toUpperCase(Locale.ROOT) + ": NULLS FIRST/LAST in an index is");
            }
            if (k.opclass() != null) {
                throw notSupported(table, "index " + i.name() + " gives " + part + " the operator class "
                        + k.opclass() + ": operator classes are");
            }
        }
    }
}
