package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.ForeignKey;
import covet.api.model.Schema;
import java.util.Optional;

/** Drops a foreign key (with its ON DELETE / ON UPDATE rules); {@code definition} (may be null) is what was dropped, which makes the drop reversible. */
public record DropForeignKey(String table, String name, ForeignKey definition) implements Operation {

    public DropForeignKey {
        Preconditions.notBlank(table, "DropForeignKey.table");
        Preconditions.notBlank(name, "DropForeignKey.name");
        Preconditions.check(definition == null || definition.name().equals(name),
                "DropForeignKey: definition is named '" + (definition == null ? "" : definition.name())
                        + "', not '" + name + "'");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new AddForeignKey(table, d));
    }

    @Override
    public String whyIrreversible() {
        return "DropForeignKey of '" + name + "' on '" + table + "' carries no definition of what it drops";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> t.withForeignKeys(Lists.without(t.foreignKeys(),
                t.foreignKey(name).orElseThrow(() -> Lists.missing(table, "foreign key", name)))));
    }

    @Override
    public String describe() {
        return "drop foreign key " + name + " on " + table;
    }
}
