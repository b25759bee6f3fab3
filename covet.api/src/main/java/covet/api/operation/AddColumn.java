package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Column;
import covet.api.model.Schema;
import java.util.Optional;

/** Appends a column to a table. */
public record AddColumn(String table, Column column) implements Operation {

    public AddColumn {
        Preconditions.notBlank(table, "AddColumn.table");
        Preconditions.notNull(column, "AddColumn.column");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropColumn(table, column.name(), column));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> t.addColumn(column));
    }

    @Override
    public String describe() {
        return "add column " + table + "." + column.name();
    }
}
