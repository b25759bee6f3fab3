package covet.api.operation;

import covet.api.Preconditions;
import covet.api.SchemaStateException;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import java.util.Optional;

/**
 * Drops a table's primary key; {@code definition} (may be null) is the key as it was, which makes the drop
 * reversible.
 */
public record DropPrimaryKey(String table, PrimaryKey definition) implements Operation {

    public DropPrimaryKey {
        Preconditions.notBlank(table, "DropPrimaryKey.table");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new AddPrimaryKey(table, d));
    }

    @Override
    public String whyIrreversible() {
        return "DropPrimaryKey on '" + table + "' carries no definition of the key it drops";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> {
            if (t.primaryKey() == null) {
                throw new SchemaStateException("table '" + table + "' has no primary key");
            }
            // the reverse re-adds the definition: it must be the key that is dropped
            if (definition != null && !definition.columns().equals(t.primaryKey().columns())) {
                throw new SchemaStateException("table '" + table + "' has primary key ("
                        + String.join(", ", t.primaryKey().columns()) + "), not (" + String.join(", ",
                        definition.columns()) + ")");
            }
            return t.withPrimaryKey(null);
        });
    }

    @Override
    public String describe() {
        return "drop primary key on " + table;
    }
}
