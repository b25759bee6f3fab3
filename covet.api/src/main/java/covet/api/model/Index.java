package covet.api.model;

import covet.api.Preconditions;
import java.util.Arrays;
import java.util.List;

/**
 * A secondary index, plain or unique, optionally partial ({@code where} is an SQL predicate, or null).
 * {@code method} is the access method as the database names it ({@code gin}, {@code gist}, {@code hash}; for
 * MySQL {@code fulltext}, {@code spatial}), null for the default (btree). {@code include} lists non-key columns
 * carried in the index; {@code nullsNotDistinct} makes a unique index treat nulls as equal (PostgreSQL 15+).
 * {@code comment} is the index's own comment, null for none.
 */
public record Index(String name, List<IndexColumn> columns, boolean unique, String where, String method,
                    List<String> include, boolean nullsNotDistinct, String comment) {

    public Index {
        Preconditions.notBlank(name, "index name");
        columns = List.copyOf(Preconditions.notEmpty(columns, "columns of index '" + name + "'"));
        include = include == null ? List.of() : List.copyOf(include);
    }

    public Index(String name, List<IndexColumn> columns, boolean unique, String where, String method,
                 List<String> include, boolean nullsNotDistinct) {
        this(name, columns, unique, where, method, include, nullsNotDistinct, null);
    }

    public Index(String name, List<IndexColumn> columns, boolean unique, String where) {
        this(name, columns, unique, where, null, null, false, null);
    }

    public static Index on(String name, String... columns) {
        return new Index(name, Arrays.stream(columns).map(IndexColumn::of).toList(), false, null);
    }

    public static Index uniqueOn(String name, String... columns) {
        return new Index(name, Arrays.stream(columns).map(IndexColumn::of).toList(), true, null);
    }

    public Index withColumns(List<IndexColumn> newColumns) {
        return new Index(name, newColumns, unique, where, method, include, nullsNotDistinct, comment);
    }

    public Index withMethod(String newMethod) {
        return new Index(name, columns, unique, where, newMethod, include, nullsNotDistinct, comment);
    }

    public Index withInclude(List<String> newInclude) {
        return new Index(name, columns, unique, where, method, newInclude, nullsNotDistinct, comment);
    }

    public Index withWhere(String predicate) {
        return new Index(name, columns, unique, predicate, method, include, nullsNotDistinct, comment);
    }

    public Index withComment(String newComment) {
        return new Index(name, columns, unique, where, method, include, nullsNotDistinct, newComment);
    }

    /** True when any key part or included column is the column {@code column}. */
    public boolean covers(String column) {
        return columns.stream().anyMatch(c -> column.equals(c.name())) || include.contains(column);
    }
}
