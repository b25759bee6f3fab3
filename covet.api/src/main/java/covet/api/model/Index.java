package covet.api.model;

import covet.api.Preconditions;
import java.util.Arrays;
import java.util.List;

/** A secondary index, plain or unique, optionally partial ({@code where} is an SQL predicate, or null). */
public record Index(String name, List<IndexColumn> columns, boolean unique, String where) {

    public Index {
        Preconditions.notBlank(name, "index name");
        columns = List.copyOf(Preconditions.notEmpty(columns, "columns of index '" + name + "'"));
    }

    public static Index on(String name, String... columns) {
        return new Index(name, Arrays.stream(columns).map(IndexColumn::of).toList(), false, null);
    }

    public static Index uniqueOn(String name, String... columns) {
        return new Index(name, Arrays.stream(columns).map(IndexColumn::of).toList(), true, null);
    }

    /** True when any key part is the column {@code column}. */
    public boolean covers(String column) {
        return columns.stream().anyMatch(c -> column.equals(c.name()));
    }
}
