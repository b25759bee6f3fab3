package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Exclusion;
import covet.api.model.Schema;
import java.util.Optional;

/** Adds an exclusion constraint to an existing table. */
public record AddExclusion(String table, Exclusion exclusion) implements Operation {

    public AddExclusion {
        Preconditions.notBlank(table, "AddExclusion.table");
        Preconditions.notNull(exclusion, "AddExclusion.exclusion");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropExclusion(table, exclusion.name(), exclusion));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> {
            if (t.exclusion(exclusion.name()).isPresent()) {
                throw Lists.duplicate(table, "exclusion constraint", exclusion.name());
            }
            return t.withExclusions(Lists.append(t.exclusions(), exclusion));
        });
    }

    @Override
    public String describe() {
        return "add exclusion constraint " + exclusion.name() + " on " + table;
    }
}
