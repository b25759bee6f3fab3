package covet.api.model;

import java.util.Locale;

/**
 * The kinds of named objects a schema holds besides tables, in the order they are created when nothing else
 * decides it (an extension before the types that use it, types before tables, views after them, triggers last).
 * A virtual table (SQLite's FTS5, rtree) comes before the views that may read it; a scheduled event (MySQL) last.
 * Dependencies a dialect reads ({@link SchemaObject#dependsOn()}) override this order where they say more.
 */
public enum ObjectKind {
    NAMESPACE, EXTENSION, ENUM, COMPOSITE, DOMAIN, SEQUENCE, FUNCTION, PROCEDURE, VIRTUAL_TABLE, VIEW,
    MATERIALIZED_VIEW, TRIGGER, EVENT;

    /** The spelling in migration files and keys: {@code materialized_view}, {@code enum}, ... */
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Words for messages: {@code materialized view}. */
    public String words() {
        return spelling().replace('_', ' ');
    }

    public static ObjectKind fromSpelling(String text) {
        for (ObjectKind k : values()) {
            if (k.spelling().equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown object kind '" + text + "' (kinds: namespace, extension, enum,"
                + " composite, domain, sequence, function, procedure, virtual_table, view, materialized_view, trigger,"
                + " event)");
    }
}
