package covet.engine.lint;

import covet.api.SchemaStateException;
import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.AddColumn;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules see while the linter walks one migration: the schema just before the current operation, which
 * tables, columns and objects this migration (or one just before it in the same run) created (they hold no rows of
 * their own yet, so nothing on them can lose data or fail on existing rows), and where findings go.
 */
final class LintContext {
    private final Migration migration;
    private final boolean alterColumnInPlace;
    private final Set<String> createdTables = new HashSet<>();
    private final Set<String> addedColumns = new HashSet<>();
    private final Set<String> createdObjects = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private Schema state;
    private int index;
    private Operation current;

    /**
     * The context for {@code migration}; with {@code earlier}, the context of a migration applied just before it in
     * the same run, whose new tables, columns and objects are still empty (a chain makemigrations split, or pending
     * migrations that migrate applies together).
     */
    LintContext(Migration migration, Schema before, boolean alterColumnInPlace, LintContext earlier) {
        this.migration = migration;
        this.alterColumnInPlace = alterColumnInPlace;
        this.state = before == null ? Schema.EMPTY : before;
        if (earlier != null) {
            createdTables.addAll(earlier.createdTables);
            addedColumns.addAll(earlier.addedColumns);
            createdObjects.addAll(earlier.createdObjects);
        }
    }

    void at(int operationIndex, Operation op) {
        this.index = operationIndex;
        this.current = op;
    }

    /** Moves the schema past the current operation; one the model cannot follow (after a RunSQL) leaves it. */
    void advance() {
        Operation op = current;
        if (op instanceof CreateTable) {
            createdTables.add(((CreateTable) op).table().name());
        } else if (op instanceof RenameTable) {
            RenameTable r = (RenameTable) op;
            if (createdTables.remove(r.from())) {
                createdTables.add(r.to());
            }
        } else if (op instanceof AddColumn) {
            AddColumn a = (AddColumn) op;
            addedColumns.add(key(a.table(), a.column().name()));
        } else if (op instanceof RenameColumn) {
            RenameColumn r = (RenameColumn) op;
            if (addedColumns.remove(key(r.table(), r.from()))) {
                addedColumns.add(key(r.table(), r.to()));
            }
        } else if (op instanceof CreateObject c) {
            createdObjects.add(c.object().key());
        }
        try {
            state = op.applyTo(state);
        } catch (SchemaStateException | IllegalArgumentException e) {
            // the model does not know this table (made by RunSQL, say): keep linting on what it knows
        }
    }

    /** The dialect's capability: false where ALTER COLUMN means rebuilding the table. */
    boolean alterColumnInPlace() {
        return alterColumnInPlace;
    }

    /** True when the table existed before this migration (or is unknown to the model, which is the safe guess). */
    boolean existingTable(String table) {
        return !createdTables.contains(table);
    }

    /** True when the column held values before this migration. */
    boolean existingColumn(String table, String column) {
        return existingTable(table) && !addedColumns.contains(key(table, column));
    }

    /** True when the object existed before this migration (or is unknown to the model, the safe guess). */
    boolean existingObject(String key) {
        return !createdObjects.contains(key);
    }

    /**
     * True when a {@code dependsOn} key names something that held rows before this migration: a table that
     * existed, or an object that did (a view reads its tables).
     */
    boolean existingDependency(String key) {
        return key.startsWith("table:") ? existingTable(key.substring("table:".length())) : existingObject(key);
    }

    /** The schema just before the current operation. */
    Schema state() {
        return state;
    }

    Optional<Table> table(String name) {
        return state.table(name);
    }

    Optional<Column> column(String table, String column) {
        return state.table(table).flatMap(t -> t.column(column));
    }

    void report(LintRule rule, String why) {
        findings.add(new Finding(rule.id(), rule.severity(), migration.id(), index + 1, current.kind(),
                current.describe(), why));
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    private static String key(String table, String column) {
        return table + "\u0000" + column;
    }
}
