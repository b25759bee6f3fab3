package covet.api.operation;

import covet.api.Preconditions;
import covet.api.SchemaStateException;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import java.util.Optional;

/** Adds a primary key to a table that has none. */
public record AddPrimaryKey(String table, PrimaryKey key) implements Operation {

    public AddPrimaryKey {
        Preconditions.notBlank(table, "AddPrimaryKey.table");
        Preconditions.notNull(key, "AddPrimaryKey.key");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropPrimaryKey(table, key));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> {
            if (t.primaryKey() != null) {
                throw new SchemaStateException("table '" + table + "' already has a primary key");
            }
            key.columns().forEach(t::requireColumn);
            return t.withPrimaryKey(key);
        });
    }

    @Override
    public String describe() {
        return "add primary key (" + String.join(", ", key.columns()) + ") on " + table;
    }
}
