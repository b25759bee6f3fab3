package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import covet.api.model.Table;
import java.util.Optional;

/** Creates a table with its columns, keys, constraints and indexes. */
public record CreateTable(Table table) implements Operation {

    public CreateTable {
        Preconditions.notNull(table, "CreateTable.table");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropTable(table.name(), table));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.addTable(table);
    }

    @Override
    public String describe() {
        return "create table " + table.name();
    }
}
