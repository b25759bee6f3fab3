package covet.dialect.mysql;

import covet.api.model.Check;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;

/**
 * What the model can say and this dialect cannot write yet: each is refused when rendered, naming the table and the
 * field, instead of being left out of the statement. Partitions as tables (PostgreSQL's PARTITION OF), deferrable and NOT VALID constraints, exclusion
 * constraints, INCLUDE columns, NULLS FIRST/LAST, operator classes, comments on foreign keys and checks and
 * {@code ON DELETE SET NULL (columns)} MySQL does not have (comments on indexes, unique and primary keys it has:
 * they are index comments).
 */
final class MysqlLimits {
    private MysqlLimits() {
    }

    static MysqlUnsupportedException object(SchemaObject object) {
        return new MysqlUnsupportedException(object.describe()
                + ": named objects other than tables are not supported by this dialect");
    }

    static MysqlUnsupportedException notSupported(String table, String what) {
        return new MysqlUnsupportedException("table " + table + ": " + what + " not supported by this dialect");
    }

    static MysqlUnsupportedException options(String table, Object options) {
        return new MysqlUnsupportedException("table " + table + ": cannot set the options " + options
                + " without knowing the table's previous options (an AlterTable without previousOptions)");
    }

    /** Everything of {@code t} beyond its columns, indexes included. */
    static void table(Table t) {
        if (!t.exclusions().isEmpty()) {
            throw notSupported(t.name(), "exclusion constraint " + t.exclusions().get(0).name()
                    + ": exclusion constraints are");
        }
        if (t.partitionOf() != null) {
            throw notSupported(t.name(), "a partition of " + t.partitionOf().parent() + ": MySQL partitions are"
                    + " not tables (they are the table option partitions), so a partition table is");
        }
        t.uniques().forEach(u -> unique(t.name(), u));
        t.foreignKeys().forEach(f -> foreignKey(t.name(), f));
        t.checks().forEach(c -> check(t.name(), c));
    }

    static void unique(String table, UniqueConstraint u) {
        if (u.deferrable()) {
            throw notSupported(table, "unique constraint " + u.name() + " is DEFERRABLE: deferrable constraints"
                    + " are");
        }
        if (u.nullsNotDistinct()) {
            throw notSupported(table, "unique constraint " + u.name() + " is NULLS NOT DISTINCT, which is");
        }
    }

    static void foreignKey(String table, ForeignKey f) {
        if (f.comment() != null) {
            throw notSupported(table, "foreign key " + f.name() + " has a comment: comments on foreign keys are");
        }
        if (!f.onDeleteSetColumns().isEmpty()) {
            throw notSupported(table, "foreign key " + f.name() + " sets only " + f.onDeleteSetColumns() + " ON"
                    + " DELETE " + f.onDelete().sql() + ": a column list there is");
        }
        if (f.deferrable()) {
            throw notSupported(table, "foreign key " + f.name() + " is DEFERRABLE: MySQL checks foreign keys at"
                    + " once, deferrable constraints are");
        }
        if (f.notValid()) {
            throw notSupported(table, "foreign key " + f.name() + " is NOT VALID, which is");
        }
    }

    static void check(String table, Check c) {
        if (c.comment() != null) {
            throw notSupported(table, "check " + c.name() + " has a comment: comments on checks are");
        }
        if (c.notValid()) {
            throw notSupported(table, "check " + c.name() + " is NOT VALID, which is");
        }
    }

    /** FULLTEXT and SPATIAL are the methods MySQL names; btree is the default and normalises away. */
    static void index(String table, Index index) {
        Index i = MysqlIndexKind.canonical(index);
        if (i.method() != null && MysqlIndexKind.keywordOf(i.method()) == null) {
            throw notSupported(table, "index " + i.name() + " uses method " + i.method() + " (this dialect writes"
                    + " fulltext, spatial, btree and hash indexes); that method is");
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
                throw notSupported(table, "index " + i.name() + " orders " + part + " NULLS " + k.nulls()
                        + ": NULLS FIRST/LAST in an index is");
            }
            if (k.opclass() != null) {
                throw notSupported(table, "index " + i.name() + " gives " + part + " the operator class "
                        + k.opclass() + ": operator classes are");
            }
        }
    }
}
