package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A table-level UNIQUE constraint over one or more columns; {@code deferrable} and {@code initiallyDeferred} say
 * when it is checked, {@code nullsNotDistinct} makes nulls equal (PostgreSQL 15+); {@code comment} null for none.
 */
public record UniqueConstraint(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred,
                               boolean nullsNotDistinct, String comment) {

    public UniqueConstraint {
        Preconditions.notBlank(name, "unique constraint name");
        columns = List.copyOf(Preconditions.notEmpty(columns, "columns of unique constraint '" + name + "'"));
        Preconditions.check(!initiallyDeferred || deferrable,
                "unique constraint '" + name + "' is initially deferred but not deferrable");
    }

    public UniqueConstraint(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred,
                            boolean nullsNotDistinct) {
        this(name, columns, deferrable, initiallyDeferred, nullsNotDistinct, null);
    }

    public UniqueConstraint(String name, List<String> columns) {
        this(name, columns, false, false, false, null);
    }

    public UniqueConstraint withColumns(List<String> newColumns) {
        return new UniqueConstraint(name, newColumns, deferrable, initiallyDeferred, nullsNotDistinct, comment);
    }

    public UniqueConstraint withComment(String newComment) {
        return new UniqueConstraint(name, columns, deferrable, initiallyDeferred, nullsNotDistinct, newComment);
    }
}
