package covet.dialect.sqlite;

import java.util.List;
import java.util.Map;

/**
 * What the text of a CREATE TABLE statement says that SQLite's pragmas do not: constraint names, CHECK expressions,
 * AUTOINCREMENT, generated-column clauses, collations and when foreign keys are checked. Names and columns are unquoted; a null name means unnamed.
 *
 * @param generated  column name (lower case) to its clause, e.g. {@code GENERATED ALWAYS AS (a + 1) STORED}
 * @param collations column name (lower case) to the collation its definition names, unquoted
 */
record SqliteTableSql(String primaryKeyName, String autoIncrementColumn, List<Unique> uniques, List<Check> checks,
                      List<ForeignKey> foreignKeys, Map<String, String> generated, Map<String, String> collations) {

    static final SqliteTableSql EMPTY = new SqliteTableSql(null, null, List.of(), List.of(), List.of(), Map.of(),
            Map.of());

    SqliteTableSql {
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        generated = Map.copyOf(generated);
        collations = Map.copyOf(collations);
    }

    record Unique(String name, List<String> columns) {
    }

    /** {@code column} is set for a CHECK written on a column definition. */
    record Check(String name, String column, String expression) {
    }

    /** {@code deferrable} without {@code initiallyDeferred} is SQLite's DEFERRABLE [INITIALLY IMMEDIATE]. */
    record ForeignKey(String name, List<String> columns, String referencedTable, boolean deferrable,
                      boolean initiallyDeferred) {
    }
}
