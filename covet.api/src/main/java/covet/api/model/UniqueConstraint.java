package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/** A table-level UNIQUE constraint over one or more columns. */
public record UniqueConstraint(String name, List<String> columns) {

    public UniqueConstraint {
        Preconditions.notBlank(name, "unique constraint name");
        columns = List.copyOf(Preconditions.notEmpty(columns, "columns of unique constraint '" + name + "'"));
    }
}
