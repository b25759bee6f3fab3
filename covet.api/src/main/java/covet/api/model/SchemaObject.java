package covet.api.model;

import java.util.List;

/**
 * A named object of a schema other than a table: a namespace, extension, type, sequence, view, routine, trigger,
 * virtual table or scheduled event.
 * Objects whose body is code carry it as the database itself renders it and are compared in that form: Covet does
 * not parse SQL bodies.
 *
 * <p>{@link #dependsOn()} lists the {@link #key() keys} of the objects and tables this one needs (read by the
 * dialect, for PostgreSQL from {@code pg_depend}); it orders creates and drops and is not compared.
 */
public sealed interface SchemaObject permits Namespace, Extension, EnumType, Domain, CompositeType, Sequence, View,
        MaterializedView, Routine, Trigger, VirtualTable, Event {

    ObjectKind kind();

    /** The name, schema-qualified outside the connection's schema; a routine's includes its argument types. */
    String name();

    /** The comment, or null. */
    String comment();

    /** Keys of what this object needs, e.g. {@code table:film}, {@code enum:mpaa_rating}; never compared. */
    List<String> dependsOn();

    SchemaObject withComment(String text);

    SchemaObject withDependsOn(List<String> keys);

    /** The identity of this object within a schema: {@code kind:name} ({@code trigger:table.name} for triggers). */
    default String key() {
        return key(kind(), name());
    }

    /** One line for messages, e.g. {@code enum mpaa_rating}. */
    default String describe() {
        return kind().words() + " " + name();
    }

    static String key(ObjectKind kind, String name) {
        return kind.spelling() + ":" + name;
    }

    /** The key a table has in {@link #dependsOn()} lists. */
    static String tableKey(String table) {
        return "table:" + table;
    }

    /** Null for a missing list, an immutable copy otherwise. */
    static List<String> keys(List<String> keys) {
        return keys == null ? List.of() : List.copyOf(keys);
    }
}
