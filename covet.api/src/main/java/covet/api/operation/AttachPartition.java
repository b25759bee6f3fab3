package covet.api.operation;

import covet.api.Preconditions;
import covet.api.SchemaStateException;
import covet.api.model.Partition;
import covet.api.model.Schema;
import java.util.Optional;

/** Attaches an existing table as a partition of a partitioned table, with its bound. */
public record AttachPartition(String table, Partition partition) implements Operation {

    public AttachPartition {
        Preconditions.notBlank(table, "AttachPartition.table");
        Preconditions.notNull(partition, "AttachPartition.partition");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DetachPartition(table, partition));
    }

    @Override
    public Schema applyTo(Schema schema) {
        if (schema.requireTable(partition.parent()).partitionBy() == null) {
            throw new SchemaStateException("table '" + partition.parent() + "' is not partitioned");
        }
        return schema.updateTable(table, t -> {
            if (t.partitionOf() != null) {
                throw new SchemaStateException("table '" + table + "' is already a partition of '"
                        + t.partitionOf().parent() + "'");
            }
            return t.withPartitionOf(partition);
        });
    }

    @Override
    public String describe() {
        return "attach partition " + table + " to " + partition.parent();
    }
}
