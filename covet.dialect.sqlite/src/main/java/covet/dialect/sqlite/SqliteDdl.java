package covet.dialect.sqlite;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The DDL text SQLite needs for a table and its indexes, shared by plain rendering and by the table rebuild. */
final class SqliteDdl {
    private SqliteDdl() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String names(List<String> identifiers) {
        return identifiers.stream().map(SqliteDdl::quote).collect(Collectors.joining(", "));
    }

    /** CREATE TABLE for {@code table}, under {@code name} (the rebuild creates it under a temporary name). */
    static String createTable(Table table, String name) {
        return createTable(table, name, false);
    }

    /** {@code allNamed}: every constraint with {@code CONSTRAINT name}, none written unnamed. */
    static String createTable(Table table, String name, boolean allNamed) {
        SqliteLimits.table(table);
        Column auto = table.columns().stream().filter(Column::autoIncrement).findFirst().orElse(null);
        PrimaryKey pk = table.primaryKey();
        if (auto != null && pk != null && !pk.columns().equals(List.of(auto.name()))) {
            throw new IllegalArgumentException("sqlite: AUTOINCREMENT column '" + table.name() + "." + auto.name()
                    + "' must be the table's only primary key column, but the primary key is " + pk.columns());
        }
        if (auto != null && pk == null) {
            pk = new PrimaryKey(null, List.of(auto.name()));
        }
        String inlinePk = pk != null && pk.columns().size() == 1 ? pk.columns().get(0) : null;
        SqliteConstraintLayout layout = allNamed ? SqliteConstraintLayout.allNamed(table)
                : SqliteConstraintLayout.of(table);
        List<String> parts = new ArrayList<>();
        for (Column c : table.columns()) {
            StringBuilder definition = new StringBuilder(columnDefinition(c,
                    c.name().equals(inlinePk) ? pk.name() : null, c.name().equals(inlinePk)));
            for (Check check : layout.columnChecks(c.name())) {
                definition.append(" CHECK (").append(check.expression().strip()).append(')');
            }
            parts.add(definition.toString());
        }
        if (pk != null && inlinePk == null) {
            parts.add(constraintName(pk.name()) + "PRIMARY KEY (" + names(pk.columns()) + ")");
        }
        for (UniqueConstraint u : table.uniques()) {
            parts.add(constraintName(layout.name(u)) + "UNIQUE (" + names(u.columns()) + ")");
        }
        for (ForeignKey f : table.foreignKeys()) {
            parts.add(foreignKey(f, layout.name(f)));
        }
        for (Check c : layout.tableChecks()) {
            parts.add(constraintName(layout.name(c)) + "CHECK (" + c.expression().strip() + ")");
        }
        return "CREATE TABLE " + quote(name) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + SqliteTableOptions.clause(table);
    }

    /**
     * A column definition; {@code primaryKey} writes the single-column primary key inline. An identity refinement
     * (ALWAYS / BY DEFAULT) is SQLite's one auto-increment, as the normaliser reads it; a generated expression is
     * STORED, the only kind the model holds (VIRTUAL ones ride in the declared type, as the introspector reads
     * them).
     */
    static String columnDefinition(Column c, String pkName, boolean primaryKey) {
        StringBuilder b = new StringBuilder(quote(c.name())).append(' ');
        b.append(c.autoIncrement() ? "INTEGER" : SqliteTypes.render(c.type()));
        if (c.collation() != null) {
            b.append(" COLLATE ").append(collation(c.collation()));
        }
        if (c.generated() != null) {
            b.append(" GENERATED ALWAYS AS (").append(c.generated().strip()).append(") STORED");
        }
        if (!c.nullable()) {
            b.append(" NOT NULL");
        }
        if (primaryKey) {
            b.append(' ').append(constraintName(pkName)).append("PRIMARY KEY");
            if (c.autoIncrement()) {
                b.append(" AUTOINCREMENT");
            }
        }
        if (c.defaultValue() != null && !c.autoIncrement()) {
            b.append(" DEFAULT ").append(SqliteDefaults.render(c.defaultValue()));
        }
        return b.toString();
    }

    static String foreignKey(ForeignKey f) {
        return foreignKey(f, f.name());
    }

    /** A FOREIGN KEY clause; a null {@code name} writes it unnamed. */
    static String foreignKey(ForeignKey f, String name) {
        StringBuilder b = new StringBuilder(constraintName(name))
                .append("FOREIGN KEY (").append(names(f.columns())).append(") REFERENCES ")
                .append(quote(f.referencedTable())).append(" (").append(names(f.referencedColumns())).append(')');
        if (f.onDelete() != ReferentialAction.NO_ACTION) {
            b.append(" ON DELETE ").append(f.onDelete().sql());
        }
        if (f.onUpdate() != ReferentialAction.NO_ACTION) {
            b.append(" ON UPDATE ").append(f.onUpdate().sql());
        }
        // SQLite's DEFERRABLE alone is INITIALLY IMMEDIATE, as in the SQL standard
        if (f.deferrable()) {
            b.append(f.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
        }
        return b.toString();
    }

    static String createIndex(String table, Index index) {
        SqliteLimits.index(table, index);
        String keys = index.columns().stream().map(SqliteDdl::keyPart).collect(Collectors.joining(", "));
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON " + quote(table)
                + " (" + keys + ")" + (index.where() == null ? "" : " WHERE " + index.where().strip());
    }

    private static String keyPart(IndexColumn k) {
        String base = k.isExpression() ? k.expression().strip() : quote(k.name());
        return k.descending() ? base + " DESC" : base;
    }

    /** A collation name: the built-in ones as SQLite documents them, any other (registered) one quoted. */
    static String collation(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return SqliteNormalizer.BUILT_IN_COLLATIONS.contains(upper) ? upper : quote(name);
    }

    private static String constraintName(String name) {
        return name == null ? "" : "CONSTRAINT " + quote(name) + " ";
    }
}
