package covet.engine.load;

import covet.api.MalformedMigrationException;
import covet.api.migration.Migration;
import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.Exclusion;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Partition;
import covet.api.model.Table;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AlterColumn;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropIndex;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;
import covet.api.sql.SqlExpression;

/**
 * Typed operations carry no SQL of their own (issue 18): every expression a typed operation holds (checks, defaults,
 * generated columns, index predicates and expressions, exclusion and partition definitions, also in the definitions
 * a drop keeps for its reverse) must be one expression, or the migration is refused when it is loaded, naming the
 * file, the operation and the field. Only RunSQL runs free SQL.
 */
public final class TypedExpressions {
    private TypedExpressions() {
    }

    /** Refuses {@code m} when an expression of one of its typed operations is more than one expression. */
    public static void check(Migration m) {
        int n = 0;
        for (Operation op : m.operations()) {
            n++;
            String where = "operation " + n + " (" + op.kind() + ")";
            if (op instanceof CreateTable t) {
                table(m, where, t.table());
            } else if (op instanceof DropTable t) {
                table(m, where, t.definition());
            } else if (op instanceof AddColumn a) {
                column(m, where, a.table(), a.column());
            } else if (op instanceof AlterColumn a) {
                column(m, where, a.table(), a.column());
                column(m, where, a.table(), a.previous());
            } else if (op instanceof DropColumn d) {
                column(m, where, d.table(), d.definition());
            } else if (op instanceof AddCheck a) {
                check(m, where, a.table(), a.check());
            } else if (op instanceof DropCheck d) {
                check(m, where, d.table(), d.definition());
            } else if (op instanceof CreateIndex c) {
                index(m, where, c.table(), c.index());
            } else if (op instanceof DropIndex d) {
                index(m, where, d.table(), d.definition());
            } else if (op instanceof AddExclusion a) {
                exclusion(m, where, a.table(), a.exclusion());
            } else if (op instanceof DropExclusion d) {
                exclusion(m, where, d.table(), d.definition());
            } else if (op instanceof AttachPartition a) {
                partition(m, where, a.table(), a.partition());
            } else if (op instanceof DetachPartition d) {
                partition(m, where, d.table(), d.partition());
            }
        }
    }

    private static void table(Migration m, String where, Table t) {
        if (t == null) {
            return;
        }
        t.columns().forEach(c -> column(m, where, t.name(), c));
        t.checks().forEach(c -> check(m, where, t.name(), c));
        t.indexes().forEach(i -> index(m, where, t.name(), i));
        t.exclusions().forEach(x -> exclusion(m, where, t.name(), x));
        partition(m, where, t.name(), t.partitionOf());
        expression(m, where, "partitionBy of table " + t.name(), t.partitionBy());
    }

    private static void column(Migration m, String where, String table, Column c) {
        if (c != null) {
            expression(m, where, "default of column " + table + "." + c.name(), c.defaultValue());
            expression(m, where, "generated expression of column " + table + "." + c.name(), c.generated());
        }
    }

    private static void check(Migration m, String where, String table, Check c) {
        if (c != null) {
            expression(m, where, "expression of check " + c.name() + " on " + table, c.expression());
        }
    }

    private static void index(Migration m, String where, String table, Index i) {
        if (i == null) {
            return;
        }
        expression(m, where, "where of index " + i.name() + " on " + table, i.where());
        for (IndexColumn c : i.columns()) {
            expression(m, where, "expression of index " + i.name() + " on " + table, c.expression());
        }
    }

    private static void exclusion(Migration m, String where, String table, Exclusion x) {
        if (x != null) {
            expression(m, where, "definition of exclusion " + x.name() + " on " + table, x.definition());
        }
    }

    private static void partition(Migration m, String where, String table, Partition p) {
        if (p != null) {
            expression(m, where, "bound of partition " + table, p.bound());
        }
    }

    private static void expression(Migration m, String where, String field, String sql) {
        SqlExpression.problem(sql).ifPresent(problem -> {
            throw new MalformedMigrationException(m.where(), where + ": the " + field + " is not one expression: "
                    + problem + " (only RunSQL may carry free SQL): " + sql);
        });
    }
}
