package covet.dialect.sqlite;

import covet.api.model.Column;
import covet.api.model.Index;
import covet.api.model.NativeType;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The table change SQLite's ALTER TABLE cannot make, done as its documentation prescribes ("Making Other Kinds Of
 * Table Schema Changes"): create the target table under a temporary name, copy the rows, drop the old table, rename
 * the new one, recreate the indexes. It runs inside the caller's transaction with foreign keys off (the dialect's
 * connections have them off), so a failed step rolls back with the migration's savepoint and leaves no temporary
 * table; {@code Dialect.checkIntegrity} then verifies the foreign keys the copy could have broken.
 */
final class SqliteTableRebuild {
    static final String TEMP_PREFIX = "_covet_new_";

    private SqliteTableRebuild() {
    }

    /** The statements that turn {@code table} in {@code before} into what {@code op} makes of it. */
    static List<String> statements(Schema before, Operation op, String table) {
        Table old = before.requireTable(table);
        Table target = op.applyTo(before).requireTable(table);
        String temp = TEMP_PREFIX + table;
        List<String> out = new ArrayList<>();
        out.add(SqliteDdl.createTable(target, temp));
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
        return out;
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
