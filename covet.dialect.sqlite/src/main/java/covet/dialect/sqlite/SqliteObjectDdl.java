package covet.dialect.sqlite;

import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import java.util.Locale;

/** CREATE and DROP of SQLite's views, triggers and virtual tables; any other kind of object is refused by name. */
final class SqliteObjectDdl {
    private SqliteObjectDdl() {
    }

    /**
     * The object's statement: a view's query under CREATE VIEW (or the whole statement where it names its columns),
     * a trigger's and a virtual table's own statement, which must be the CREATE statement of their kind.
     */
    static String create(SchemaObject object) {
        String definition;
        String expected;
        if (object instanceof View v) {
            if (!SqliteObjectText.canonical(v.definition()).toUpperCase(Locale.ROOT).startsWith("CREATE ")) {
                return "CREATE VIEW " + SqliteDdl.quote(v.name()) + " AS " + v.definition().strip();
            }
            definition = v.definition();
            expected = "CREATE VIEW";
        } else if (object instanceof Trigger t) {
            definition = t.definition();
            expected = "CREATE TRIGGER";
        } else if (object instanceof VirtualTable v) {
            definition = v.definition();
            expected = "CREATE VIRTUAL TABLE";
        } else {
            throw SqliteLimits.object(object);
        }
        String head = SqliteObjectText.canonical(definition).toUpperCase(Locale.ROOT);
        if (!head.startsWith(expected + " ")) {
            throw new SqliteUnsupportedException(object.describe() + ": its definition must be the whole "
                    + expected + " statement, but it starts: " + head.substring(0, Math.min(60, head.length())));
        }
        return definition.strip();
    }

    static String drop(SchemaObject object) {
        if (object instanceof View v) {
            return "DROP VIEW " + SqliteDdl.quote(v.name());
        }
        if (object instanceof Trigger t) {
            return "DROP TRIGGER " + SqliteDdl.quote(t.trigger());
        }
        if (object instanceof VirtualTable v) {
            return "DROP TABLE " + SqliteDdl.quote(v.name());
        }
        throw SqliteLimits.object(object);
    }
}
