package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Index;
import covet.api.model.Schema;
import java.util.Optional;

/**
 * Drops an index; {@code definition} (may be null) is the index as it was, which makes the drop reversible.
 * {@code concurrently}: as for {@link CreateIndex}.
 */
public record DropIndex(String table, String name, Index definition, boolean concurrently) implements Operation {

    public DropIndex {
        Preconditions.notBlank(table, "DropIndex.table");
        Preconditions.notBlank(name, "DropIndex.name");
        Preconditions.check(definition == null || definition.name().equals(name),
                "DropIndex: definition is of index '" + (definition == null ? "" : definition.name())
                        + "', not '" + name + "'");
    }

    public DropIndex(String table, String name, Index definition) {
        this(table, name, definition, false);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new CreateIndex(table, d, concurrently));
    }

    @Override
    public String whyIrreversible() {
        return "DropIndex of '" + name + "' on '" + table + "' carries no definition of the dropped index";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> t.withIndexes(Lists.without(t.indexes(),
                t.index(name).orElseThrow(() -> Lists.missing(table, "index", name)))));
    }

    @Override
    public String describe() {
        return "drop index " + name + " on " + table + (concurrently ? " concurrently" : "");
    }
}
