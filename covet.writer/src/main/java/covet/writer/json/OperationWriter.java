package covet.writer.json;

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
import covet.api.operation.Operation;
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunJava;
import covet.api.operation.RunSQL;

/**
 * One operation to its {@code {"op": ...}} entry. A visitor, so that a new member of the sealed family breaks this
 * build until the format can write it.
 */
final class OperationWriter implements OperationVisitor<Node.Obj> {
    static final OperationWriter INSTANCE = new OperationWriter();

    private OperationWriter() {
    }

    static Node.Obj write(Operation op) {
        return op.accept(INSTANCE);
    }

    private static ObjectBuilder op(Operation op) {
        return new ObjectBuilder().put("op", op.kind());
    }

    @Override
    public Node.Obj visit(CreateTable op) {
        return op(op).put("table", ModelWriter.table(op.table())).build();
    }

    @Override
    public Node.Obj visit(DropTable op) {
        return op(op).put("name", op.name())
                .put("definition", op.definition() == null ? null : ModelWriter.table(op.definition())).build();
    }

    @Override
    public Node.Obj visit(AddColumn op) {
        return op(op).put("table", op.table()).put("column", ModelWriter.column(op.column())).build();
    }

    @Override
    public Node.Obj visit(DropColumn op) {
        return op(op).put("table", op.table()).put("name", op.name())
                .put("definition", op.definition() == null ? null : ModelWriter.column(op.definition())).build();
    }

    @Override
    public Node.Obj visit(AlterColumn op) {
        return op(op).put("table", op.table()).put("column", ModelWriter.column(op.column()))
                .put("previous", op.previous() == null ? null : ModelWriter.column(op.previous())).build();
    }

    @Override
    public Node.Obj visit(RenameTable op) {
        return op(op).put("from", op.from()).put("to", op.to()).build();
    }

    @Override
    public Node.Obj visit(RenameColumn op) {
        return op(op).put("table", op.table()).put("from", op.from()).put("to", op.to()).build();
    }

    @Override
    public Node.Obj visit(CreateIndex op) {
        return op(op).put("table", op.table()).put("index", ModelWriter.index(op.index()))
                .flag("concurrently", op.concurrently(), false).build();
    }

    @Override
    public Node.Obj visit(DropIndex op) {
        return op(op).put("table", op.table()).put("name", op.name())
                .put("definition", op.definition() == null ? null : ModelWriter.index(op.definition()))
                .flag("concurrently", op.concurrently(), false).build();
    }

    @Override
    public Node.Obj visit(AddForeignKey op) {
        return op(op).put("table", op.table()).put("foreignKey", ModelWriter.foreignKey(op.foreignKey())).build();
    }

    @Override
    public Node.Obj visit(DropForeignKey op) {
        return op(op).put("table", op.table()).put("name", op.name())
                .put("definition", op.definition() == null ? null : ModelWriter.foreignKey(op.definition()))
                .build();
    }

    @Override
    public Node.Obj visit(AddUniqueConstraint op) {
        return op(op).put("table", op.table()).put("unique", ModelWriter.unique(op.unique())).build();
    }

    @Override
    public Node.Obj visit(DropUniqueConstraint op) {
        return op(op).put("table", op.table()).put("name", op.name())
                .put("definition", op.definition() == null ? null : ModelWriter.unique(op.definition())).build();
    }

    @Override
    public Node.Obj visit(AddCheck op) {
        return op(op).put("table", op.table()).put("check", ModelWriter.check(op.check())).build();
    }

    @Override
    public Node.Obj visit(DropCheck op) {
        return op(op).put("table", op.table()).put("name", op.name())
                .put("definition", op.definition() == null ? null : ModelWriter.check(op.definition())).build();
    }

    @Override
    public Node.Obj visit(AddPrimaryKey op) {
        return op(op).put("table", op.table()).put("key", ModelWriter.primaryKey(op.key())).build();
    }

    @Override
    public Node.Obj visit(DropPrimaryKey op) {
        return op(op).put("table", op.table())
                .put("definition", op.definition() == null ? null : ModelWriter.primaryKey(op.definition()))
                .build();
    }

    @Override
    public Node.Obj visit(AddExclusion op) {
        return op(op).put("table", op.table()).put("exclusion", ModelWriter.exclusion(op.exclusion())).build();
    }

    @Override
    public Node.Obj visit(DropExclusion op) {
        return op(op).put("table", op.table()).put("name", op.name())
                .put("definition", op.definition() == null ? null : ModelWriter.exclusion(op.definition()))
                .build();
    }

    /**
     * {@code previousOptions} is written whenever it is known, even empty: absent means the previous state is
     * unknown (irreversible), as for {@code reverseSql}.
     */
    @Override
    public Node.Obj visit(AlterTable op) {
        return op(op).put("table", op.table()).put("comment", op.comment())
                .nonEmpty("options", op.options())
                .put("previousComment", op.previousComment())
                .stringMap("previousOptions", op.previousOptions()).build();
    }

    @Override
    public Node.Obj visit(AlterComment op) {
        return op(op).put("table", op.table()).put("target", op.target().spelling()).put("name", op.name())
                .put("comment", op.comment()).put("previousComment", op.previousComment()).build();
    }

    @Override
    public Node.Obj visit(AttachPartition op) {
        return op(op).put("table", op.table()).put("partition", ModelWriter.partition(op.partition())).build();
    }

    @Override
    public Node.Obj visit(DetachPartition op) {
        return op(op).put("table", op.table()).put("partition", ModelWriter.partition(op.partition())).build();
    }

    @Override
    public Node.Obj visit(CreateObject op) {
        return op(op).put("object", ObjectWriter.write(op.object())).build();
    }

    @Override
    public Node.Obj visit(DropObject op) {
        return op(op).put("object", ObjectWriter.write(op.object())).build();
    }

    @Override
    public Node.Obj visit(AlterObject op) {
        return op(op).put("object", ObjectWriter.write(op.object()))
                .put("previous", op.previous() == null ? null : ObjectWriter.write(op.previous())).build();
    }

    /** Always arrays, one statement per item; an absent reverseSql (irreversible) differs from an empty one. */
    @Override
    public Node.Obj visit(RunSQL op) {
        return op(op).strings("sql", op.sql()).strings("reverseSql", op.reverseSql()).build();
    }

    @Override
    public Node.Obj visit(RunJava op) {
        return op(op).put("className", op.className()).put("version", op.version())
                .flag("reversible", op.reversible(), false).flag("down", op.down(), false).build();
    }
}
