package covet.dialect.sqlite;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names for constraints declared without one. SQLite keeps no name for them, so the introspector derives a stable one
 * from the table and columns ({@code fk_orders_customer_id}); re-creating a table from the model writes it as a
 * CONSTRAINT name, after which it is read back unchanged.
 */
final class SqliteGeneratedNames {
    private final String table;
    private final Set<String> taken = new HashSet<>();

    SqliteGeneratedNames(String table) {
        this.table = table;
    }

    /** Records a name the table's SQL gives, so that no generated one collides with it. */
    String declared(String name) {
        taken.add(name);
        return name;
    }

    String foreignKey(List<String> columns) {
        return fresh("fk_" + table + "_" + String.join("_", columns));
    }

    String unique(List<String> columns) {
        return fresh("uq_" + table + "_" + String.join("_", columns));
    }

    String columnCheck(String column) {
        return fresh("ck_" + table + "_" + column);
    }

    String tableCheck(int ordinal) {
        return fresh("ck_" + table + "_" + ordinal);
    }

    /** The name an unnamed constraint of this kind ({@code fk}, {@code uq}, {@code ck}) gets when nothing collides. */
    String base(String prefix, List<String> parts) {
        return prefix + "_" + table + "_" + String.join("_", parts);
    }

    private String fresh(String base) {
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "_" + n;
        }
        taken.add(name);
        return name;
    }
}
