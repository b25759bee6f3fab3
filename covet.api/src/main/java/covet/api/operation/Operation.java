package covet.api.operation;

import covet.api.model.Schema;
import java.util.Optional;

/**
 * One schema change. The family is closed: dialects render every member through {@link OperationVisitor}, so a new
 * operation breaks each dialect's build until it renders it. A change a plugin needs beyond these goes through
 * {@link RunSQL}.
 *
 * <p>Every operation knows its reverse; one that destroys information carries what restores it. An operation that
 * cannot be reversed returns an empty {@link #reverse()}.
 */
public sealed interface Operation permits CreateTable, DropTable, AddColumn, DropColumn, AlterColumn, RenameTable,
        RenameColumn, CreateIndex, DropIndex, AddForeignKey, DropForeignKey, AddUniqueConstraint,
        DropUniqueConstraint, AddCheck, DropCheck, AddPrimaryKey, DropPrimaryKey, AddExclusion, DropExclusion,
        AlterTable, AlterComment, AttachPartition, DetachPartition, CreateObject, DropObject, AlterObject, RunSQL,
        RunJava {

    <R> R accept(OperationVisitor<R> visitor);

    /** The operation that undoes this one, or empty when this one cannot be undone. */
    Optional<Operation> reverse();

    /** The schema after this operation (Django's state_forwards); fails when the operation does not fit. */
    Schema applyTo(Schema schema);

    /** A one-line human description, e.g. {@code create table users}. */
    String describe();

    /** The name used in migration files: the record's simple name, e.g. {@code CreateTable}. */
    default String kind() {
        return getClass().getSimpleName();
    }

    /** Why {@link #reverse()} is empty, for error messages. */
    default String whyIrreversible() {
        return kind() + " carries no definition to restore";
    }
}
