package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Column;
import covet.api.model.Schema;
import java.util.Optional;

/** Drops a column; {@code definition} (may be null) is the column as it was, which makes the drop reversible. */
public record DropColumn(String table, String name, Column definition) implements Operation {

    public DropColumn {
        Preconditions.notBlank(table, "DropColumn.table");
        Preconditions.notBlank(name, "DropColumn.name");
        Preconditions.check(definition == null || definition.name().equals(name),
                "DropColumn: definition is of column '" + (definition == null ? "" : definition.name())
                        + "', not '" + name + "'");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(d -> new AddColumn(table, d));
    }

    @Override
    public String whyIrreversible() {
        return "DropColumn of '" + table + "." + name + "' carries no definition of the dropped column";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.dropColumn(table, name);
    }

    @Override
    public String describe() {
        return "drop column " + table + "." + name;
    }
}
