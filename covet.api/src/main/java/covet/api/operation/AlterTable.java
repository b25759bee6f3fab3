package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Changes a table's comment and its dialect-owned options (PostgreSQL {@code UNLOGGED} and storage parameters,
 * MySQL engine and character set, ...). {@code previousOptions} null means the previous state is unknown, which
 * makes the change irreversible.
 */
public record AlterTable(String table, String comment, Map<String, String> options, String previousComment,
                         Map<String, String> previousOptions) implements Operation {

    public AlterTable {
        Preconditions.notBlank(table, "AlterTable.table");
        // sorted, so that serialisations (files, checksums) are the same in every run
        options = options == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
        previousOptions = previousOptions == null ? null
                : Collections.unmodifiableMap(new TreeMap<>(previousOptions));
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return previousOptions == null ? Optional.empty()
                : Optional.of(new AlterTable(table, previousComment, previousOptions, comment, options));
    }

    @Override
    public String whyIrreversible() {
        return "AlterTable of '" + table + "' carries no previous comment and options";
    }

    /** True when the comment changes. */
    public boolean changesComment() {
        return previousOptions == null || !Objects.equals(comment, previousComment);
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.updateTable(table, t -> t.withComment(comment).withOptions(options));
    }

    @Override
    public String describe() {
        return "alter table " + table;
    }
}
