package covet.api.operation;

import covet.api.Preconditions;
import covet.api.SchemaStateException;
import covet.api.model.Partition;
import covet.api.model.Schema;
import java.util.Optional;

/**
 * Detaches a partition from its parent; the table stays, with its rows, as a table of its own. {@code partition}
 * is what it was attached with, which makes the detach reversible.
 */
public record DetachPartition(String table, Partition partition) implements Operation {

    public DetachPartition {
        Preconditions.notBlank(table, "DetachPartition.table");
        Preconditions.notNull(partition, "DetachPartition.partition");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new AttachPartition(table, partition));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> {
            if (t.partitionOf() == null || !t.partitionOf().parent().equals(partition.parent())) {
                throw new SchemaStateException("table '" + table + "' is not a partition of '"
                        + partition.parent() + "'");
            }
            return t.withPartitionOf(null);
        });
    }

    @Override
    public String describe() {
        return "detach partition " + table + " from " + partition.parent();
    }
}
