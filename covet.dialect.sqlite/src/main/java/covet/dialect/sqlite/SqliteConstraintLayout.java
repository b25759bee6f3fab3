package covet.dialect.sqlite;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How CREATE TABLE writes a table's unique constraints, foreign keys and checks so that the table is the one the
 * user wrote. SQLite keeps no name for an unnamed constraint; the introspector gives it a derived one
 * ({@link SqliteGeneratedNames}: {@code fk_orders_user_id}, {@code ck_users_email}, {@code ck_users_2}). A constraint
 * whose model name is exactly the name reading would derive is written unnamed again (a column check inside its
 * column's definition); any other is written with {@code CONSTRAINT name}. Which names reading derives is found by
 * running the introspector's naming over the layout to be written, until no written-unnamed constraint would come
 * back under another name, so the choice always reads back unchanged.
 */
final class SqliteConstraintLayout {
    private final Set<UniqueConstraint> unnamedUniques = new HashSet<>();
    private final Set<ForeignKey> unnamedForeignKeys = new HashSet<>();
    private final Map<String, List<Check>> columnChecks = new LinkedHashMap<>();
    private final List<Check> tableChecks = new ArrayList<>();
    private final Set<Check> unnamedChecks = new HashSet<>();

    private SqliteConstraintLayout() {
    }

    /** Every constraint written with its name, the checks after the columns. */
    static SqliteConstraintLayout allNamed(Table table) {
        SqliteConstraintLayout layout = new SqliteConstraintLayout();
        layout.tableChecks.addAll(table.checks());
        return layout;
    }

    static SqliteConstraintLayout of(Table table) {
        SqliteGeneratedNames base = new SqliteGeneratedNames(table.name());
        Set<UniqueConstraint> uniques = new HashSet<>();
        table.uniques().stream().filter(u -> u.name().equals(base.base("uq", u.columns()))).forEach(uniques::add);
        Set<ForeignKey> fks = new HashSet<>();
        table.foreignKeys().stream().filter(f -> f.name().equals(base.base("fk", f.columns()))).forEach(fks::add);
        // Checks are read in the order written: the column checks (in column order), then the table's. Only a
        // leading run of the model's checks, in column order, can go inside their columns and keep the model's order.
        Map<Check, String> checkColumn = new LinkedHashMap<>();
        Set<Check> checks = new HashSet<>();
        List<String> columnNames = table.columns().stream().map(Column::name).toList();
        int lastColumn = -1;
        boolean inColumns = true;
        for (Check c : table.checks()) {
            String column = columnNames.stream()
                    .filter(n -> c.name().equals(base.base("ck", List.of(n)))).findFirst().orElse(null);
            inColumns = inColumns && column != null && columnNames.indexOf(column) >= lastColumn;
            if (inColumns) {
                lastColumn = columnNames.indexOf(column);
                checkColumn.put(c, column);
                checks.add(c);
            } else if (c.name().matches(java.util.regex.Pattern.quote("ck_" + table.name() + "_") + "[0-9]+")) {
                checks.add(c);
            }
        }
        while (true) {
            SqliteConstraintLayout layout = new SqliteConstraintLayout();
            layout.unnamedUniques.addAll(uniques);
            layout.unnamedForeignKeys.addAll(fks);
            layout.unnamedChecks.addAll(checks);
            for (Column col : table.columns()) {
                for (Check c : table.checks()) {
                    if (checks.contains(c) && col.name().equals(checkColumn.get(c))) {
                        layout.columnChecks.computeIfAbsent(col.name(), k -> new ArrayList<>()).add(c);
                    }
                }
            }
            table.checks().stream().filter(c -> !(checks.contains(c) && checkColumn.containsKey(c)))
                    .forEach(layout.tableChecks::add);
            if (!layout.dropMisread(table, uniques, fks, checks, checkColumn)) {
                return layout;
            }
        }
    }

    /** Reads the layout back as the introspector would; drops from the sets what would come back renamed. */
    private boolean dropMisread(Table table, Set<UniqueConstraint> uniques, Set<ForeignKey> fks, Set<Check> checks,
                                Map<Check, String> checkColumn) {
        SqliteGeneratedNames names = new SqliteGeneratedNames(table.name());
        table.uniques().stream().filter(u -> !uniques.contains(u)).forEach(u -> names.declared(u.name()));
        table.foreignKeys().stream().filter(f -> !fks.contains(f)).forEach(f -> names.declared(f.name()));
        table.checks().stream().filter(c -> !checks.contains(c)).forEach(c -> names.declared(c.name()));
        boolean changed = false;
        for (UniqueConstraint u : table.uniques()) {
            if (uniques.contains(u) && !names.unique(u.columns()).equals(u.name())) {
                uniques.remove(u);
                changed = true;
            }
        }
        for (ForeignKey f : table.foreignKeys()) {
            if (fks.contains(f) && !names.foreignKey(f.columns()).equals(f.name())) {
                fks.remove(f);
                changed = true;
            }
        }
        int ordinal = 0;
        List<Check> readOrder = new ArrayList<>();
        columnChecks.values().forEach(readOrder::addAll);
        readOrder.addAll(tableChecks);
        for (Check c : readOrder) {
            ordinal++;
            if (!checks.contains(c)) {
                continue;
            }
            String read = checkColumn.containsKey(c) ? names.columnCheck(checkColumn.get(c))
                    : names.tableCheck(ordinal);
            if (!read.equals(c.name())) {
                checks.remove(c);
                changed = true;
            }
        }
        return changed;
    }

    /** The name to write for a unique constraint, or null to write it unnamed. */
    String name(UniqueConstraint u) {
        return unnamedUniques.contains(u) ? null : u.name();
    }

    String name(ForeignKey f) {
        return unnamedForeignKeys.contains(f) ? null : f.name();
    }

    String name(Check c) {
        return unnamedChecks.contains(c) ? null : c.name();
    }

    /** The unnamed checks written inside a column's definition. */
    List<Check> columnChecks(String column) {
        return columnChecks.getOrDefault(column, List.of());
    }

    /** The checks written after the columns, in order. */
    List<Check> tableChecks() {
        return tableChecks;
    }

    /** True when some constraint is written unnamed: a rename would make reading derive another name for it. */
    boolean hasUnnamed() {
        return !unnamedUniques.isEmpty() || !unnamedForeignKeys.isEmpty() || !unnamedChecks.isEmpty();
    }

    /** True when an unnamed constraint's derived name includes {@code column}. */
    boolean unnamedUses(String column) {
        return unnamedUniques.stream().anyMatch(u -> u.columns().contains(column))
                || unnamedForeignKeys.stream().anyMatch(f -> f.columns().contains(column))
                || columnChecks.containsKey(column);
    }
}
