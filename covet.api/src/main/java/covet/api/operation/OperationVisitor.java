package covet.api.operation;

/** One method per operation, so the compiler checks that a dialect renders every member of the family. */
public interface OperationVisitor<R> {
    R visit(CreateTable op);

    R visit(DropTable op);

    R visit(AddColumn op);

    R visit(DropColumn op);

    R visit(AlterColumn op);

    R visit(RenameTable op);

    R visit(RenameColumn op);

    R visit(CreateIndex op);

    R visit(DropIndex op);

    R visit(AddForeignKey op);

    R visit(DropForeignKey op);

    R visit(AddUniqueConstraint op);

    R visit(DropUniqueConstraint op);

    R visit(AddCheck op);

    R visit(DropCheck op);

    R visit(AddPrimaryKey op);

    R visit(DropPrimaryKey op);

    R visit(AddExclusion op);

    R visit(DropExclusion op);

    R visit(AlterTable op);

    R visit(AlterComment op);

    R visit(AttachPartition op);

    R visit(DetachPartition op);

    R visit(CreateObject op);

    R visit(DropObject op);

    R visit(AlterObject op);

    R visit(RunSQL op);

    /**
     * Java migrations are run by the engine's runner, not rendered: a dialect never needs to handle them, so this
     * one method has a default.
     */
    default R visit(RunJava op) {
        throw new UnsupportedOperationException(op.describe() + " runs in code, not as SQL");
    }
}
