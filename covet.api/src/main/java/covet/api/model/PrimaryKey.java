package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/** A primary key; {@code name} may be null where the database generates it. */
public record PrimaryKey(String name, List<String> columns) {

    public PrimaryKey {
        columns = List.copyOf(Preconditions.notEmpty(columns, "primary key columns"));
    }

    public static PrimaryKey of(String... columns) {
        return new PrimaryKey(null, List.of(columns));
    }
}
