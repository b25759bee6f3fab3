package covet.engine.lint;

import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.Table;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunJava;
import covet.api.operation.RunSQL;
import java.util.Optional;

/**
 * The rules every database shares: operations that lose data, and operations that fail when the table already holds
 * rows that do not fit. One method per operation, so a new operation breaks this build until someone decides what
 * it risks.
 */
final class RowRules implements OperationVisitor<Void> {
    private final LintContext ctx;

    RowRules(LintContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Void visit(CreateTable op) {
        return null;
    }

    @Override
    public Void visit(DropTable op) {
        ObjectChecks.tableDropped(ctx, op.name());
        if (ctx.existingTable(op.name())) {
            ctx.report(LintRule.DROP_TABLE, "every row of " + op.name() + " is deleted; "
                    + (op.definition() != null ? "the rollback re-creates the table empty"
                    : "the operation carries no definition, so it cannot even be rolled back"));
        }
        return null;
    }

    @Override
    public Void visit(AddColumn op) {
        Column c = op.column();
        if (ctx.existingTable(op.table()) && !c.nullable() && c.defaultValue() == null && !c.autoIncrement()) {
            ctx.report(LintRule.ADD_NOT_NULL_COLUMN, op.table() + "." + c.name() + " is NOT NULL without a default:"
                    + " adding it fails as soon as " + op.table() + " has a row (give it a default, or add it"
                    + " nullable, fill it, then make it NOT NULL)");
        }
        return null;
    }

    @Override
    public Void visit(DropColumn op) {
        if (!ctx.existingColumn(op.table(), op.name())) {
            return null;
        }
        ctx.report(LintRule.DROP_COLUMN, "the values of " + op.table() + "." + op.name() + " are deleted; "
                + (op.definition() != null ? "the rollback re-creates the column without them"
                : "the operation carries no definition, so it cannot even be rolled back"));
        Optional<Table> table = ctx.table(op.table());
        if (table.isPresent() && table.get().primaryKey() != null
                && table.get().primaryKey().columns().contains(op.name())) {
            ctx.report(LintRule.DROP_PRIMARY_KEY, op.name() + " is part of the primary key of " + op.table()
                    + " " + table.get().primaryKey().columns() + ", which goes with it");
        }
        return null;
    }

    @Override
    public Void visit(AlterColumn op) {
        Column after = op.column();
        Column before = ctx.column(op.table(), after.name()).orElse(op.previous());
        if (before == null) {
            return null;
        }
        String name = op.table() + "." + after.name();
        if (ctx.existingColumn(op.table(), after.name()) && TypeNarrowing.changes(before.type(), after.type())) {
            ColumnType from = before.type();
            ColumnType to = after.type();
            if (from instanceof LogicalType && to instanceof LogicalType) {
                TypeNarrowing.why((LogicalType) from, (LogicalType) to).ifPresent(why -> ctx.report(
                        LintRule.NARROW_TYPE, name + " changes from " + from.spelling() + " to " + to.spelling()
                                + ": " + why));
            } else {
                ctx.report(LintRule.TYPE_CHANGE, name + " changes from " + from.spelling() + " to "
                        + to.spelling() + "; Covet cannot tell whether every value converts");
            }
        }
        if (ctx.existingTable(op.table()) && before.nullable() && !after.nullable()) {
            ctx.report(LintRule.SET_NOT_NULL, name + " becomes NOT NULL: fails if a row holds NULL there"
                    + (after.defaultValue() != null ? " (the new default does not fill existing rows)" : ""));
        }
        return null;
    }

    @Override
    public Void visit(RenameTable op) {
        return null;
    }

    @Override
    public Void visit(RenameColumn op) {
        return null;
    }

    @Override
    public Void visit(CreateIndex op) {
        if (op.index().unique() && ctx.existingTable(op.table())) {
            ctx.report(LintRule.ADD_UNIQUE, "unique index " + op.index().name() + " on " + op.table()
                    + " fails if existing rows repeat a value");
        }
        return null;
    }

    @Override
    public Void visit(DropIndex op) {
        Index index = ctx.table(op.table()).flatMap(t -> t.index(op.name())).orElse(op.definition());
        if (index != null && index.unique() && ctx.existingTable(op.table())) {
            ctx.report(LintRule.DROP_UNIQUE, "without unique index " + op.name() + ", " + op.table()
                    + " accepts duplicates; once one is written, the rollback cannot re-create the index");
        }
        return null;
    }

    @Override
    public Void visit(AddForeignKey op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.ADD_FOREIGN_KEY, "foreign key " + op.foreignKey().name() + " fails if a row of "
                    + op.table() + " references a missing row of " + op.foreignKey().referencedTable());
        }
        return null;
    }

    @Override
    public Void visit(DropForeignKey op) {
        return null;
    }

    @Override
    public Void visit(AddUniqueConstraint op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.ADD_UNIQUE, "unique constraint " + op.unique().name() + " on " + op.table()
                    + " fails if existing rows repeat a value");
        }
        return null;
    }

    @Override
    public Void visit(DropUniqueConstraint op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.DROP_UNIQUE, "without unique constraint " + op.name() + ", " + op.table()
                    + " accepts duplicates; once one is written, the rollback cannot re-create the constraint");
        }
        return null;
    }

    @Override
    public Void visit(AddCheck op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.ADD_CHECK, "check " + op.check().name() + " (" + op.check().expression()
                    + ") fails if a row of " + op.table() + " violates it");
        }
        return null;
    }

    @Override
    public Void visit(DropCheck op) {
        return null;
    }

    @Override
    public Void visit(RunSQL op) {
        return null;
    }

    /** Java migrations change data, not the schema model; like RunSQL they are not analysed. */
    @Override
    public Void visit(RunJava op) {
        return null;
    }

    @Override
    public Void visit(AddPrimaryKey op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.ADD_UNIQUE, "primary key (" + String.join(", ", op.key().columns()) + ") on "
                    + op.table() + " fails if existing rows repeat a value or hold NULL");
        }
        return null;
    }

    @Override
    public Void visit(DropPrimaryKey op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.DROP_PRIMARY_KEY, "rows of " + op.table() + " lose their identity; once two rows"
                    + " repeat a value, the rollback cannot re-create the key" + (op.definition() == null
                    ? " (the operation carries no definition, so it cannot even be rolled back)" : ""));
        }
        return null;
    }

    @Override
    public Void visit(AddExclusion op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.ADD_UNIQUE, "exclusion constraint " + op.exclusion().name() + " on " + op.table()
                    + " fails if existing rows conflict");
        }
        return null;
    }

    @Override
    public Void visit(DropExclusion op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.DROP_UNIQUE, "without exclusion constraint " + op.name() + ", " + op.table()
                    + " accepts conflicting rows; once one is written, the rollback cannot re-create the constraint");
        }
        return null;
    }

    @Override
    public Void visit(AlterTable op) {
        return null;
    }

    @Override
    public Void visit(AlterComment op) {
        return null;
    }

    @Override
    public Void visit(AttachPartition op) {
        return null;
    }

    @Override
    public Void visit(DetachPartition op) {
        if (ctx.existingTable(op.table())) {
            ctx.report(LintRule.DETACH_PARTITION, "the rows of " + op.table() + " leave " + op.partition().parent()
                    + ": queries on " + op.partition().parent() + " no longer see them (the table and its rows stay;"
                    + " the rollback attaches it again, checking every row against the bound)");
        }
        return null;
    }

    @Override
    public Void visit(CreateObject op) {
        return null;
    }

    @Override
    public Void visit(DropObject op) {
        ObjectChecks.dropped(ctx, op);
        return null;
    }

    @Override
    public Void visit(AlterObject op) {
        ObjectChecks.altered(ctx, op);
        return null;
    }
}
