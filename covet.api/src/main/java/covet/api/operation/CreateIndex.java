package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Index;
import covet.api.model.Schema;
import java.util.Optional;

/**
 * Creates an index (plain or unique, optionally partial) on a table. {@code concurrently} asks the database to build
 * it without blocking writes where it can (PostgreSQL's {@code CREATE INDEX CONCURRENTLY}); such an operation cannot
 * run inside a transaction, so it must be alone in its migration. Other databases ignore the flag.
 */
public record CreateIndex(String table, Index index, boolean concurrently) implements Operation {

    public CreateIndex {
        Preconditions.notBlank(table, "CreateIndex.table");
        Preconditions.notNull(index, "CreateIndex.index");
    }

    public CreateIndex(String table, Index index) {
        this(table, index, false);
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropIndex(table, index.name(), index, concurrently));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> {
            if (t.index(index.name()).isPresent()) {
                throw Lists.duplicate(table, "index", index.name());
            }
            return t.withIndexes(Lists.append(t.indexes(), index));
        });
    }

    @Override
    public String describe() {
        return "create " + (index.unique() ? "unique " : "") + "index " + index.name() + " on " + table
                + (concurrently ? " concurrently" : "");
    }
}
