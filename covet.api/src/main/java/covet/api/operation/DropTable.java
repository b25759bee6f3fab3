package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import covet.api.model.Table;
import java.util.Optional;

/** Drops a table; {@code definition} (may be null) is the table as it was, which makes the drop reversible. */
public record DropTable(String name, Table definition) implements Operation {

    public DropTable {
        Preconditions.notBlank(name, "DropTable.name");
        Preconditions.check(definition == null || definition.name().equals(name),
                "DropTable: definition is of table '" + (definition == null ? "" : definition.name())
                        + "', not '" + name + "'");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(definition).map(CreateTable::new);
    }

    @Override
    public String whyIrreversible() {
        return "DropTable of '" + name + "' carries no definition of the dropped table";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.dropTable(name);
    }

    @Override
    public String describe() {
        return "drop table " + name;
    }
}
