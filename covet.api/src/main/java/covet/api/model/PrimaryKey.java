package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/** A primary key; {@code name} may be null where the database generates it; {@code comment} null for none. */
public record PrimaryKey(String name, List<String> columns, String comment) {

    public PrimaryKey {
        columns = List.copyOf(Preconditions.notEmpty(columns, "primary key columns"));
    }

    public PrimaryKey(String name, List<String> columns) {
        this(name, columns, null);
    }

    public static PrimaryKey of(String... columns) {
        return new PrimaryKey(null, List.of(columns));
    }

    public PrimaryKey withName(String newName) {
        return new PrimaryKey(newName, columns, comment);
    }

    public PrimaryKey withColumns(List<String> newColumns) {
        return new PrimaryKey(name, newColumns, comment);
    }

    public PrimaryKey withComment(String newComment) {
        return new PrimaryKey(name, columns, newComment);
    }
}
