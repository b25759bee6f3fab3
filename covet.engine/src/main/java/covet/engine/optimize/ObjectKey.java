package covet.engine.optimize;

import covet.api.model.ObjectKind;
import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import java.util.Objects;

/**
 * A schema object an operation reads or writes: a whole table, one column of a table, one named index or
 * constraint of a table, the comment and options of a table, or a named object other than a table (an enum, a
 * view, a function, ...). Indexes and constraints share one kind because several databases keep their names in one
 * namespace. An ORDER key stands for the order of a list an operation appends to (the schema's tables, a table's
 * columns, indexes, ...): two operations that append to one list do not commute, though they create different
 * objects.
 *
 * <p>A named object's key is its {@link SchemaObject#key() model key}; a trigger's sits under its table, so that
 * whatever changes the whole table (a drop, a rename) touches it too. Two wildcards stand for what an operation may
 * use without naming it: {@link #TYPES_AND_ROUTINES} (a column of a native type may be an enum, a domain or an
 * extension's type; an expression may call a function or read a sequence) and {@link #EVERYTHING} (a routine's body
 * may read any table; a view whose dependencies are not known).
 */
public record ObjectKey(String table, Kind kind, String name) {

    public enum Kind { TABLE, COLUMN, INDEX_OR_CONSTRAINT, SETTINGS, ORDER, OBJECT, EVERYTHING }

    private static final String ANY = "*";

    /** Any namespace, extension, type, sequence or routine: what table definitions may use. */
    public static final ObjectKey TYPES_AND_ROUTINES = new ObjectKey("", Kind.OBJECT, ANY);

    /** Any table or object. */
    public static final ObjectKey EVERYTHING = new ObjectKey("", Kind.EVERYTHING, ANY);

    public ObjectKey {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.TABLE) != (name == null)) {
            throw new IllegalArgumentException("a table key has no name, every other key has one");
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

    /** One table-level setting ({@code comment and options}, {@code primary key}, {@code partition}). */
    public static ObjectKey setting(String table, String what) {
        return new ObjectKey(table, Kind.SETTINGS, what);
    }

    /** The order of list {@code list} of table {@code owner}, or of the schema's tables when owner is empty. */
    public static ObjectKey order(String owner, String list) {
        return new ObjectKey(owner, Kind.ORDER, list);
    }

    /** A named object; a trigger's key sits under its table. */
    public static ObjectKey object(SchemaObject object) {
        return new ObjectKey(object instanceof Trigger t ? t.table() : "", Kind.OBJECT, object.key());
    }

    /**
     * The key of a {@link SchemaObject#dependsOn()} entry: {@code table:x} is table x, anything else the object with
     * that model key. A trigger's key names its table ({@code trigger:table.name}); the part before the last dot
     * is taken as the table.
     */
    public static ObjectKey dependency(String modelKey) {
        if (modelKey.startsWith("table:")) {
            return table(modelKey.substring("table:".length()));
        }
        if (modelKey.startsWith("trigger:")) {
            String name = modelKey.substring("trigger:".length());
            int dot = name.lastIndexOf('.');
            return new ObjectKey(dot < 0 ? "" : name.substring(0, dot), Kind.OBJECT, modelKey);
        }
        return new ObjectKey("", Kind.OBJECT, modelKey);
    }

    /** True when the two keys may name the same thing: equal keys, a table and anything in it, or a wildcard. */
    public boolean overlaps(ObjectKey other) {
        if (kind == Kind.EVERYTHING || other.kind == Kind.EVERYTHING) {
            return kind != Kind.ORDER && other.kind != Kind.ORDER;
        }
        if (isTypesAndRoutines() || other.isTypesAndRoutines()) {
            ObjectKey specific = isTypesAndRoutines() ? other : this;
            return specific.isTypesAndRoutines() || (specific.kind == Kind.OBJECT && usableByTables(specific.name));
        }
        if (!table.equals(other.table)) {
            return false;
        }
        return kind == Kind.TABLE || other.kind == Kind.TABLE || equals(other);
    }

    /** True for a wildcard: it overlaps objects that it does not name. */
    public boolean isWildcard() {
        return kind == Kind.EVERYTHING || isTypesAndRoutines();
    }

    private boolean isTypesAndRoutines() {
        return kind == Kind.OBJECT && ANY.equals(name);
    }

    /** Kinds created before tables ({@link ObjectKind}'s order): what a table's definition may use. */
    private static boolean usableByTables(String modelKey) {
        int colon = modelKey.indexOf(':');
        if (colon < 0) {
            return false;
        }
        try {
            return ObjectKind.fromSpelling(modelKey.substring(0, colon)).ordinal() <= ObjectKind.PROCEDURE.ordinal();
        } catch (IllegalArgumentException notAKind) {
            return false;
        }
    }

    /** For messages, e.g. {@code column users.email}, {@code enum mpaa_rating}. */
    public String describe() {
        switch (kind) {
            case TABLE:
                return "table " + table;
            case COLUMN:
                return "column " + table + "." + name;
            case SETTINGS:
                return name + " of table " + table;
            case ORDER:
                return "order of " + name + (table.isEmpty() ? "" : " of " + table);
            case OBJECT:
                if (isTypesAndRoutines()) {
                    return "types, sequences and routines";
                }
                int colon = name.indexOf(':');
                return colon < 0 ? name : name.substring(0, colon).replace('_', ' ') + " " + name.substring(colon + 1);
            case EVERYTHING:
                return "every table and object";
            default:
                return "index or constraint " + name + " on " + table;
        }
    }
}
