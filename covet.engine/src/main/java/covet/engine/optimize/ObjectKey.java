package covet.engine.optimize;

import java.util.Objects;

/**
 * A schema object an operation reads or writes: a whole table, one column of a table, or one named index or
 * constraint of a table. Indexes and constraints share one kind because several databases keep their names in one
 * namespace. An ORDER key stands for the order of a list an operation appends to (the schema's tables, a table's
 * columns, indexes, ...): two operations that append to one list do not commute, though they create different
 * objects.
 */
public record ObjectKey(String table, Kind kind, String name) {

    public enum Kind { TABLE, COLUMN, INDEX_OR_CONSTRAINT, ORDER }

    public ObjectKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TABLE) != (name == null)) {
            throw new IllegalArgumentException("a table key has no name, a column or constraint key has one");
        }
    }

    public static ObjectKey table(String table) {
        return new ObjectKey(table, Kind.TABLE, null);
    }

    public static ObjectKey column(String table, String column) {
        return new ObjectKey(table, Kind.COLUMN, column);
    }

    public static ObjectKey constraint(String table, String name) {
        return new ObjectKey(table, Kind.INDEX_OR_CONSTRAINT, name);
    }

    /** The order of list {@code list} of table {@code owner}, or of the schema's tables when owner is empty. */
    public static ObjectKey order(String owner, String list) {
        return new ObjectKey(owner, Kind.ORDER, list);
    }

    /** True when the two keys may name the same thing: equal keys, or a table and anything in it. */
    public boolean overlaps(ObjectKey other) {
        if (!table.equals(other.table)) {
            return false;
        }
        return kind == Kind.TABLE || other.kind == Kind.TABLE || equals(other);
    }

    /** For messages, e.g. {@code column users.email}. */
    public String describe() {
        switch (kind) {
            case TABLE:
                return "table " + table;
            case COLUMN:
                return "column " + table + "." + name;
            case ORDER:
                return "order of " + name + (table.isEmpty() ? "" : " of " + table);
            default:
                return "index or constraint " + name + " on " + table;
        }
    }
}
