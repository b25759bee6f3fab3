package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.UniqueConstraint;
import covet.api.model.Schema;
import java.util.Optional;

/** Drops a UNIQUE constraint; {@code definition} (may be null) is what was dropped, which makes the drop reversible. */
public record DropUniqueConstraint(String table, String name, UniqueConstraint definition) implements Operation {

    public DropUniqueConstraint {
        Preconditions.notBlank(table, "DropUniqueConstraint.table");
        Preconditions.notBlank(name, "DropUniqueConstraint.name");
        Preconditions.check(definition == null || definition.name().equals(name),
                "DropUniqueConstraint: definition is named '" + (definition == null ? "" : definition.name())
                        + "', not '" + name + "'");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new AddUniqueConstraint(table, d));
    }

    @Override
    public String whyIrreversible() {
        return "DropUniqueConstraint of '" + name + "' on '" + table + "' carries no definition of what it drops";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> t.withUniques(Lists.without(t.uniques(),
                t.unique(name).orElseThrow(() -> Lists.missing(table, "unique constraint", name)))));
    }

    @Override
    public String describe() {
        return "drop unique constraint " + name + " on " + table;
    }
}
