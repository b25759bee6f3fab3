package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.ForeignKey;
import covet.api.model.Schema;
import java.util.Optional;

/** Adds a foreign key (with its ON DELETE / ON UPDATE rules) to an existing table. */
public record AddForeignKey(String table, ForeignKey foreignKey) implements Operation {

    public AddForeignKey {
        Preconditions.notBlank(table, "AddForeignKey.table");
        Preconditions.notNull(foreignKey, "AddForeignKey.foreignKey");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropForeignKey(table, foreignKey.name(), foreignKey));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> {
            if (t.foreignKey(foreignKey.name()).isPresent()) {
                throw Lists.duplicate(table, "foreign key", foreignKey.name());
            }
            return t.withForeignKeys(Lists.append(t.foreignKeys(), foreignKey));
        });
    }

    @Override
    public String describe() {
        return "add foreign key " + foreignKey.name() + " on " + table;
    }
}
