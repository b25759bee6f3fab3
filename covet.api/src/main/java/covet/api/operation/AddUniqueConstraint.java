package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.UniqueConstraint;
import covet.api.model.Schema;
import java.util.Optional;

/** Adds a UNIQUE constraint to an existing table. */
public record AddUniqueConstraint(String table, UniqueConstraint unique) implements Operation {

    public AddUniqueConstraint {
        Preconditions.notBlank(table, "AddUniqueConstraint.table");
        Preconditions.notNull(unique, "AddUniqueConstraint.unique");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropUniqueConstraint(table, unique.name(), unique));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> {
            if (t.unique(unique.name()).isPresent()) {
                throw Lists.duplicate(table, "unique constraint", unique.name());
            }
            return t.withUniques(Lists.append(t.uniques(), unique));
        });
    }

    @Override
    public String describe() {
        return "add unique constraint " + unique.name() + " on " + table;
    }
}
