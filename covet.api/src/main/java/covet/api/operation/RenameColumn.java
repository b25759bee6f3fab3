package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import java.util.Optional;

/** Renames a column; indexes, keys and referencing foreign keys follow. */
public record RenameColumn(String table, String from, String to) implements Operation {

    public RenameColumn {
        Preconditions.notBlank(table, "RenameColumn.table");
        Preconditions.notBlank(from, "RenameColumn.from");
        Preconditions.notBlank(to, "RenameColumn.to");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new RenameColumn(table, to, from));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.renameColumn(table, from, to);
    }

    @Override
    public String describe() {
        return "rename column " + table + "." + from + " to " + to;
    }
}
