package covet.dialect.sqlite;

import covet.api.model.Column;
import covet.api.model.Index;
import covet.api.model.NativeType;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The table change SQLite's ALTER TABLE cannot make, done as its documentation prescribes ("Making Other Kinds Of
 * Table Schema Changes"): create the target table under a temporary name, copy the rows, drop the old table, rename
 * the new one, recreate the indexes and the table's triggers (views that name the table keep their text and see the
 * new table: the rename runs in legacy mode, which leaves them alone). The new table keeps the options STRICT and
 * WITHOUT ROWID, the column order, declared types and every row. It runs inside the caller's transaction with foreign keys off (the dialect's
 * connections have them off), so a failed step rolls back with the migration's savepoint and leaves no temporary
 * table; {@code Dialect.checkIntegrity} then verifies the foreign keys the copy could have broken.
 */
final class SqliteTableRebuild {
    static final String TEMP_PREFIX = "_covet_new_";

    private SqliteTableRebuild() {
    }

    /** The statements that turn {@code table} in {@code before} into what {@code op} makes of it. */
    static List<String> statements(Schema before, Operation op, String table) {
        return statements(before, op.applyTo(before).requireTable(table), table, false);
    }

    /**
     * The table rebuilt as it is, but with every constraint written under its name: before a rename, which would
     * make reading derive other names for the constraints written unnamed ({@link SqliteConstraintLayout}).
     */
    static List<String> withNamedConstraints(Schema before, String table) {
        return statements(before, before.requireTable(table), table, true);
    }

    private static List<String> statements(Schema before, Table target, String table, boolean allNamed) {
        Table old = before.requireTable(table);
        List<Trigger> triggers = before.objects().stream().filter(o -> o instanceof Trigger t
                && t.table().equalsIgnoreCase(table)).map(o -> (Trigger) o).toList();
        refuseLosses(before, old, target, triggers);
        String temp = TEMP_PREFIX + table;
        List<String> out = new ArrayList<>();
        out.add(SqliteDdl.createTable(target, temp, allNamed));
        List<Column> copied = target.columns().stream()
                .filter(c -> old.column(c.name()).filter(o -> !isGenerated(o)).isPresent() && !isGenerated(c))
                .toList();
        if (!copied.isEmpty()) {
            out.add("INSERT INTO " + SqliteDdl.quote(temp) + " ("
                    + SqliteDdl.names(copied.stream().map(Column::name).toList()) + ") SELECT "
                    + copied.stream().map(SqliteTableRebuild::copyExpression).collect(Collectors.joining(", "))
                    + " FROM " + SqliteDdl.quote(table));
        }
        if (hasAutoIncrement(old) && hasAutoIncrement(target)) {
            // keep the AUTOINCREMENT high-water mark: ids of deleted rows must not come back
            out.add("DELETE FROM sqlite_sequence WHERE name = " + SqliteDdl.stringLiteral(temp));
            out.add("INSERT INTO sqlite_sequence (name, seq) SELECT " + SqliteDdl.stringLiteral(temp)
                    + ", seq FROM sqlite_sequence WHERE name = " + SqliteDdl.stringLiteral(table));
        }
        out.add("DROP TABLE " + SqliteDdl.quote(table));
        // Legacy rename: views and triggers elsewhere that name the table are left as written (they now see the
        // new table) instead of being checked against a schema in which the table is briefly missing.
        out.add("PRAGMA legacy_alter_table = ON");
        out.add("ALTER TABLE " + SqliteDdl.quote(temp) + " RENAME TO " + SqliteDdl.quote(table));
        out.add("PRAGMA legacy_alter_table = OFF");
        for (Index index : target.indexes()) {
            out.add(SqliteDdl.createIndex(table, index));
        }
        // DROP TABLE took the table's triggers with it; views that name it were left as written and see the new one
        for (Trigger trigger : triggers) {
            out.add(SqliteObjectDdl.create(trigger));
        }
        return out;
    }

    /**
     * A column the target no longer has, still named by a trigger on the table or by a view or trigger that reads
     * the table: the rebuild would leave them broken (SQLite checks their text only when they run), so it is refused
     * before anything runs, naming them.
     */
    private static void refuseLosses(Schema before, Table old, Table target, List<Trigger> triggers) {
        List<String> gone = old.columns().stream().map(Column::name)
                .filter(n -> target.column(n).isEmpty()).toList();
        if (gone.isEmpty()) {
            return;
        }
        String key = SchemaObject.tableKey(old.name());
        for (SchemaObject o : before.objects()) {
            String text = o instanceof Trigger t ? t.definition() : o instanceof View v ? v.definition() : null;
            if (text == null) {
                continue;
            }
            List<SqliteToken> tokens = SqliteTokenizer.tokenize(text);
            // dependsOn where the object was read from a database; its text where a user wrote it without one
            boolean reads = triggers.contains(o) || o.dependsOn().contains(key) || tokens.stream()
                    .anyMatch(t -> (t.kind() == SqliteToken.Kind.WORD || t.kind() == SqliteToken.Kind.QUOTED)
                            && t.identifier().equalsIgnoreCase(old.name()));
            if (!reads) {
                continue;
            }
            for (SqliteToken t : tokens) {
                if ((t.kind() == SqliteToken.Kind.WORD || t.kind() == SqliteToken.Kind.QUOTED)
                        && gone.stream().anyMatch(g -> g.equalsIgnoreCase(t.identifier()))) {
                    throw new SqliteUnsupportedException("cannot rebuild table " + old.name() + " without column "
                            + t.identifier() + ": " + o.describe() + " names it and would be left broken; change or"
                            + " drop the " + o.kind().words() + " first (an AlterObject or DropObject before this"
                            + " operation)");
                }
            }
        }
    }

    /** The old value, or the default where the target column is NOT NULL with a default (NULLs would fail). */
    private static String copyExpression(Column target) {
        String name = SqliteDdl.quote(target.name());
        if (!target.nullable() && target.defaultValue() != null && !target.autoIncrement()) {
            return "COALESCE(" + name + ", " + SqliteDefaults.render(target.defaultValue()) + ")";
        }
        return name;
    }

    private static boolean hasAutoIncrement(Table t) {
        return t.columns().stream().anyMatch(Column::autoIncrement);
    }

    /** Generated through the model's field, or (as the introspector reads it) through its declared type. */
    static boolean isGenerated(Column c) {
        return c.generated() != null || c.type() instanceof NativeType
                && ((NativeType) c.type()).sql().toUpperCase(Locale.ROOT).contains("GENERATED ALWAYS AS");
    }
}
