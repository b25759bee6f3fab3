package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Exclusion;
import covet.api.model.Schema;
import java.util.Optional;

/** Drops an exclusion constraint; {@code definition} (may be null) makes the drop reversible. */
public record DropExclusion(String table, String name, Exclusion definition) implements Operation {

    public DropExclusion {
        Preconditions.notBlank(table, "DropExclusion.table");
        Preconditions.notBlank(name, "DropExclusion.name");
        Preconditions.check(definition == null || definition.name().equals(name),
                "DropExclusion: definition is named '" + (definition == null ? "" : definition.name())
                        + "', not '" + name + "'");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new AddExclusion(table, d));
    }

    @Override
    public String whyIrreversible() {
        return "DropExclusion of '" + name + "' on '" + table + "' carries no definition of what it drops";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> t.withExclusions(Lists.without(t.exclusions(),
                t.exclusion(name).orElseThrow(() -> Lists.missing(table, "exclusion constraint", name)))));
    }

    @Override
    public String describe() {
        return "drop exclusion constraint " + name + " on " + table;
    }
}
