package covet.engine.diff;

import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the autodetector's operations in phases and hands them out in an order that runs: what could block a
 * change is removed before it, and what depends on a new object is added after it.
 */
final class OperationPlan {
    private final List<Operation> renames = new ArrayList<>();
    private final List<Operation> dropForeignKeys = new ArrayList<>();
    private final List<Operation> dropConstraints = new ArrayList<>();
    private final List<Operation> createTables = new ArrayList<>();
    private final List<Operation> columns = new ArrayList<>();
    private final List<Operation> dropTables = new ArrayList<>();
    private final List<Operation> addConstraints = new ArrayList<>();
    private final List<Operation> addForeignKeys = new ArrayList<>();

    void rename(Operation op) {
        renames.add(op);
    }

    void dropForeignKey(Operation op) {
        dropForeignKeys.add(op);
    }

    /** Dropped indexes, unique constraints and checks. */
    void dropConstraint(Operation op) {
        dropConstraints.add(op);
    }

    void createTable(Operation op) {
        createTables.add(op);
    }

    /** Added, altered and dropped columns. */
    void column(Operation op) {
        columns.add(op);
    }

    void dropTable(Operation op) {
        dropTables.add(op);
    }

    /** Added indexes, unique constraints and checks. */
    void addConstraint(Operation op) {
        addConstraints.add(op);
    }

    void addForeignKey(Operation op) {
        addForeignKeys.add(op);
    }

    List<Operation> ordered() {
        List<Operation> all = new ArrayList<>();
        all.addAll(renames);
        all.addAll(dropForeignKeys);
        all.addAll(dropConstraints);
        all.addAll(createTables);
        all.addAll(columns);
        all.addAll(dropTables);
        all.addAll(addConstraints);
        all.addAll(addForeignKeys);
        return List.copyOf(all);
    }
}
