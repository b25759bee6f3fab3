package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import java.util.Optional;

/** Renames a table; foreign keys that reference it follow. */
public record RenameTable(String from, String to) implements Operation {

    public RenameTable {
        Preconditions.notBlank(from, "RenameTable.from");
        Preconditions.notBlank(to, "RenameTable.to");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new RenameTable(to, from));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.renameTable(from, to);
    }

    @Override
    public String describe() {
        return "rename table " + from + " to " + to;
    }
}
