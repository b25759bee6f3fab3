package covet.engine.diff;

import covet.api.model.ObjectKind;
import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.DropObject;
import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the autodetector's operations in phases and hands them out in an order that runs: what could block a
 * change is removed before it, and what depends on a new object is added after it. The phases, in order:
 * <ol>
 * <li>objects dropped early: triggers, views and materialized views (and routines that need a dropped table or
 * view), dependents first, including views dropped to be re-created around a column change;</li>
 * <li>table and column renames;</li>
 * <li>sequences losing an owner column that goes away;</li>
 * <li>foreign keys, then indexes, constraints, primary keys and partition bounds that go away;</li>
 * <li>objects tables need, created or changed in dependency order: namespaces, extensions, types, domains,
 * sequences, routines;</li>
 * <li>new tables, column changes and table settings, owners of sequences, dropped tables;</li>
 * <li>new indexes, constraints, primary keys and partitions, then new foreign keys;</li>
 * <li>objects that need tables, created or changed in dependency order: views, materialized views, routines on
 * new tables, triggers;</li>
 * <li>the other dropped objects, dependents first: routines, sequences, domains, types, extensions, namespaces.</li>
 * </ol>
 */
final class OperationPlan {
    /** Kind order, then name: the order of objects nothing else orders. */
    private static final Comparator<Operation> BY_KIND = Comparator
            .comparing((Operation op) -> objectOf(op).kind().ordinal())
            .thenComparing(op -> objectOf(op).name());

    private final List<Operation> earlyDrops = new ArrayList<>();
    private final List<Operation> renames = new ArrayList<>();
    private final List<Operation> disowns = new ArrayList<>();
    private final List<Operation> dropForeignKeys = new ArrayList<>();
    private final List<Operation> dropConstraints = new ArrayList<>();
    private final List<Operation> earlyObjects = new ArrayList<>();
    private final List<Operation> createTables = new ArrayList<>();
    private final List<Operation> columns = new ArrayList<>();
    private final List<Operation> owns = new ArrayList<>();
    private final List<Operation> dropTables = new ArrayList<>();
    private final List<Operation> addConstraints = new ArrayList<>();
    private final List<Operation> addForeignKeys = new ArrayList<>();
    private final List<Operation> lateObjects = new ArrayList<>();
    private final List<Operation> lateDrops = new ArrayList<>();

    void rename(Operation op) {
        renames.add(op);
    }

    void dropForeignKey(Operation op) {
        dropForeignKeys.add(op);
    }

    /** Dropped indexes, unique constraints, checks, exclusions and primary keys; detached partitions. */
    void dropConstraint(Operation op) {
        dropConstraints.add(op);
    }

    void createTable(Operation op) {
        createTables.add(op);
    }

    /** Added, altered and dropped columns; table comments and options; comments of indexes and constraints. */
    void column(Operation op) {
        columns.add(op);
    }

    void dropTable(Operation op) {
        dropTables.add(op);
    }

    /** Added indexes, unique constraints, checks, exclusions and primary keys; attached partitions. */
    void addConstraint(Operation op) {
        addConstraints.add(op);
    }

    void addForeignKey(Operation op) {
        addForeignKeys.add(op);
    }

    /** A view, trigger or dependent routine dropped before tables and columns change. */
    void dropEarly(DropObject op) {
        earlyDrops.add(op);
    }

    /** An object dropped once nothing uses it any more: after tables, columns and views. */
    void dropLate(DropObject op) {
        lateDrops.add(op);
    }

    /** An object created or changed before the tables, which may use it. */
    void objectEarly(Operation op) {
        earlyObjects.add(op);
    }

    /** An object created or changed after the tables and columns it may use. */
    void objectLate(Operation op) {
        lateObjects.add(op);
    }

    /** A sequence that stops being owned by a column that goes away. */
    void disown(AlterObject op) {
        disowns.add(op);
    }

    /** A sequence that becomes owned by a column, once the column exists. */
    void own(AlterObject op) {
        owns.add(op);
    }

    /** Column operations so far: what tells which views must be re-created. */
    List<Operation> columnChanges() {
        List<Operation> all = new ArrayList<>(renames);
        all.addAll(columns);
        return all;
    }

    /** Key operations dropped and added so far: what tells which foreign keys must be dropped around them. */
    List<Operation> constraintChanges() {
        List<Operation> all = new ArrayList<>(dropConstraints);
        all.addAll(addConstraints);
        return all;
    }

    List<Operation> ordered() {
        List<Operation> all = new ArrayList<>();
        all.addAll(DependencyOrder.reverse(earlyDrops, OperationPlan::key, OperationPlan::needs, BY_KIND));
        all.addAll(renames);
        all.addAll(disowns);
        all.addAll(dropForeignKeys);
        all.addAll(dropConstraints);
        all.addAll(DependencyOrder.sort(earlyObjects, OperationPlan::key, OperationPlan::needs, BY_KIND));
        all.addAll(createTables);
        all.addAll(columns);
        all.addAll(owns);
        all.addAll(dropTables);
        all.addAll(addConstraints);
        all.addAll(addForeignKeys);
        all.addAll(DependencyOrder.sort(lateObjects, OperationPlan::key, OperationPlan::needs, BY_KIND));
        all.addAll(DependencyOrder.reverse(lateDrops, OperationPlan::key, OperationPlan::needs, BY_KIND));
        return List.copyOf(all);
    }

    private static String key(Operation op) {
        return objectOf(op).key();
    }

    /** What an object needs: its dependencies, and for a trigger the view it may be on. */
    private static Collection<String> needs(Operation op) {
        SchemaObject o = objectOf(op);
        if (o instanceof Trigger t) {
            List<String> keys = new ArrayList<>(t.dependsOn());
            keys.add(SchemaObject.key(ObjectKind.VIEW, t.table()));
            keys.add(SchemaObject.key(ObjectKind.MATERIALIZED_VIEW, t.table()));
            return keys;
        }
        return o.dependsOn();
    }

    /** The object an object phase's operation is about; only object operations enter those phases. */
    private static SchemaObject objectOf(Operation op) {
        if (op instanceof CreateObject c) {
            return c.object();
        }
        if (op instanceof AlterObject a) {
            return a.object();
        }
        return ((DropObject) op).object();
    }
}
