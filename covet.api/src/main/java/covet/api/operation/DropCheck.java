package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Check;
import covet.api.model.Schema;
import java.util.Optional;

/** Drops a CHECK constraint; {@code definition} (may be null) is what was dropped, which makes the drop reversible. */
public record DropCheck(String table, String name, Check definition) implements Operation {

    public DropCheck {
        Preconditions.notBlank(table, "DropCheck.table");
        Preconditions.notBlank(name, "DropCheck.name");
        Preconditions.check(definition == null || definition.name().equals(name),
                "DropCheck: definition is named '" + (definition == null ? "" : definition.name())
                        + "', not '" + name + "'");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new AddCheck(table, d));
    }

    @Override
    public String whyIrreversible() {
        return "DropCheck of '" + name + "' on '" + table + "' carries no definition of what it drops";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> t.withChecks(Lists.without(t.checks(),
                t.check(name).orElseThrow(() -> Lists.missing(table, "check", name)))));
    }

    @Override
    public String describe() {
        return "drop check " + name + " on " + table;
    }
}
