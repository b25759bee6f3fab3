package covet.dialect.sqlite;

import java.util.List;
import java.util.Map;

/**
 * What the text of a CREATE TABLE statement says that SQLite's pragmas do not: constraint names, CHECK expressions,
 * AUTOINCREMENT and generated-column clauses. Names and columns are unquoted; a null name means unnamed.
 *
 * @param generated column name (lower case) to its clause, e.g. {@code GENERATED ALWAYS AS (a + 1) STORED}
 */
record SqliteTableSql(String primaryKeyName, String autoIncrementColumn, List<Unique> uniques, List<Check> checks,
                      List<ForeignKey> foreignKeys, Map<String, String> generated) {

    static final SqliteTableSql EMPTY = new SqliteTableSql(null, null, List.of(), List.of(), List.of(), Map.of());

    SqliteTableSql {
        uniques = List.copyOf(uniques);
        checks = List.copyOf(checks);
        foreignKeys = List.copyOf(foreignKeys);
        generated = Map.copyOf(generated);
    }

    record Unique(String name, List<String> columns) {
    }

    /** {@code column} is set for a CHECK written on a column definition. */
    record Check(String name, String column, String expression) {
    }

    record ForeignKey(String name, List<String> columns, String referencedTable) {
    }
}
