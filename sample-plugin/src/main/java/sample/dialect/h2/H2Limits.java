package sample.dialect.h2;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.Locale;

/**
 * What the model can say and this dialect does not write: each is refused when rendered, naming the table and the
 * field, instead of being left out of the statement. A dialect must never hold less than the migration says.
 */
final class H2Limits {
    private H2Limits() {
    }

    static IllegalArgumentException object(SchemaObject object) {
        return new IllegalArgumentException(H2Dialect.NAME + ": " + object.describe()
                + ": named objects other than tables are not supported by this dialect");
    }

    static IllegalArgumentException notSupported(String table, String what) {
        return new IllegalArgumentException(H2Dialect.NAME + ": table " + table + ": " + what
                + " not supported by this dialect");
    }

    static IllegalArgumentException options(String table, Object options) {
        return new IllegalArgumentException(H2Dialect.NAME + ": table options are not supported by this dialect"
                + " (table " + table + ": " + options + ")");
    }

    static void table(Table t) {
        if (!t.exclusions().isEmpty()) {
            throw notSupported(t.name(), "exclusion constraint " + t.exclusions().get(0).name()
                    + ": exclusion constraints are");
        }
        if (t.partitionBy() != null || t.partitionOf() != null) {
            throw notSupported(t.name(), "declarative partitioning is");
        }
        if (!t.options().isEmpty()) {
            throw options(t.name(), t.options());
        }
        t.columns().forEach(c -> column(t.name(), c));
        if (t.primaryKey() != null) {
            primaryKey(t.name(), t.primaryKey());
        }
        t.uniques().forEach(u -> unique(t.name(), u));
        t.foreignKeys().forEach(f -> foreignKey(t.name(), f));
        t.checks().forEach(c -> check(t.name(), c));
        t.indexes().forEach(i -> index(t.name(), i));
    }

    /** H2 has one collation per database (SET COLLATION), none per column. */
    static void column(String table, Column c) {
        if (c.collation() != null) {
            throw notSupported(table, "column " + c.name() + " has the collation " + c.collation()
                    + ": H2 has one collation per database; per-column collations are");
        }
    }

    static void primaryKey(String table, PrimaryKey pk) {
        if (pk.comment() != null) {
            throw notSupported(table, "the primary key has a comment: comments on constraints are");
        }
    }

    static void unique(String table, UniqueConstraint u) {
        if (u.comment() != null) {
            throw notSupported(table, "unique constraint " + u.name() + " has a comment: comments on constraints"
                    + " are");
        }
        if (u.deferrable() || u.nullsNotDistinct()) {
            throw notSupported(table, "unique constraint " + u.name() + " is "
                    + (u.deferrable() ? "DEFERRABLE" : "NULLS NOT DISTINCT") + ", which is");
        }
    }

    static void foreignKey(String table, ForeignKey f) {
        if (f.comment() != null) {
            throw notSupported(table, "foreign key " + f.name() + " has a comment: comments on constraints are");
        }
        if (!f.onDeleteSetColumns().isEmpty()) {
            throw notSupported(table, "foreign key " + f.name() + " sets only " + f.onDeleteSetColumns() + " ON"
                    + " DELETE " + f.onDelete().sql() + ": a column list there is");
        }
        if (f.deferrable() || f.notValid()) {
            throw notSupported(table, "foreign key " + f.name() + " is " + (f.deferrable() ? "DEFERRABLE" : "NOT VALID")
                    + ", which is");
        }
    }

    static void check(String table, Check c) {
        if (c.comment() != null) {
            throw notSupported(table, "check " + c.name() + " has a comment: comments on constraints are");
        }
        if (c.notValid()) {
            throw notSupported(table, "check " + c.name() + " is NOT VALID, which is");
        }
    }

    static void index(String table, Index i) {
        if (i.comment() != null) {
            throw notSupported(table, "index " + i.name() + " has a comment: comments on indexes are");
        }
        if (i.method() != null && !i.method().toLowerCase(Locale.ROOT).equals("btree")) {
            throw notSupported(table, "index " + i.name() + " uses method " + i.method() + ": index methods are");
        }
        if (!i.include().isEmpty() || i.nullsNotDistinct()) {
            throw notSupported(table, "index " + i.name() + (i.nullsNotDistinct() ? " is NULLS NOT DISTINCT, which"
                    + " is" : " has INCLUDE " + i.include() + ": included columns are"));
        }
        for (IndexColumn k : i.columns()) {
            if (k.nulls() != null || k.opclass() != null) {
                throw notSupported(table, "index " + i.name() + " gives a key part "
                        + (k.nulls() != null ? "NULLS " + k.nulls() : "the operator class " + k.opclass())
                        + ", which is");
            }
        }
    }
}
