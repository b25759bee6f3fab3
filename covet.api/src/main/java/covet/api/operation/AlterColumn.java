package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Column;
import covet.api.model.Schema;
import java.util.Optional;

/**
 * Changes a column's type, nullability, default or comment (not its name: see {@link RenameColumn}).
 * {@code previous} (may be null) is the column as it was, which makes the change reversible.
 */
public record AlterColumn(String table, Column column, Column previous) implements Operation {

    public AlterColumn {
        Preconditions.notBlank(table, "AlterColumn.table");
        Preconditions.notNull(column, "AlterColumn.column");
        Preconditions.check(previous == null || previous.name().equals(column.name()),
                "AlterColumn cannot rename: previous is '" + (previous == null ? "" : previous.name())
                        + "', column is '" + column.name() + "' (use RenameColumn)");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(previous).map(p -> new AlterColumn(table, p, column));
    }

    @Override
    public String whyIrreversible() {
        return "AlterColumn of '" + table + "." + column.name() + "' carries no previous definition";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> t.replaceColumn(column));
    }

    @Override
    public String describe() {
        return "alter column " + table + "." + column.name();
    }
}
