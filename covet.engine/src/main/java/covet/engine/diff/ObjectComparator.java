package covet.engine.diff;

import covet.api.model.Extension;
import covet.api.model.ObjectKind;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.DropObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares the named objects of both sides by key, their dependencies aside: a new one is created, a gone one dropped
 * with its whole definition, a changed one altered in place (the dialect renders the smallest change its database
 * has), except an extension moved to another schema, which is dropped and created again. Views, materialized views
 * and triggers come after tables and are dropped before them; routines too when they need a table created or dropped
 * in the same diff, and a routine's new body comes after the tables. A view over a table whose columns change shape
 * (or that is renamed), and a view, trigger or routine that needs something dropped, is dropped before the change
 * and created again after it (as wanted), and so is whatever depends on it. Sequences owned by a column are created
 * without their owner and given it once the column exists, and the other way round for drops.
 */
final class ObjectComparator {
    private final Schema original;
    private final Map<String, Table> fromTables;
    private final Map<String, Table> toTables;
    private final Map<String, String> oldTableNames;
    private final OperationPlan plan;
    private final Map<String, SchemaObject> fromObjects = new LinkedHashMap<>();
    private final Map<String, SchemaObject> toObjects = new LinkedHashMap<>();
    private final Map<String, String> newTableKeys = new HashMap<>();

    private final java.util.function.BiPredicate<SchemaObject, SchemaObject> sameObject;

    private ObjectComparator(Schema original, Schema from, Schema to, Map<String, String> renamedTables,
                             OperationPlan plan, java.util.function.BiPredicate<SchemaObject, SchemaObject> sameObject) {
        this.original = original;
        this.sameObject = sameObject;
        this.fromTables = byName(from);
        this.toTables = byName(to);
        this.oldTableNames = renamedTables;
        this.plan = plan;
        from.objects().forEach(o -> fromObjects.put(o.key(), o));
        to.objects().forEach(o -> toObjects.put(o.key(), o));
        renamedTables.forEach((now, was) -> newTableKeys.put(SchemaObject.tableKey(was), SchemaObject.tableKey(now)));
    }

    /**
     * Compares the objects of {@code from} (the current schema after table and column renames) and {@code to}.
     * {@code original} is the current schema before the renames; {@code renamedTables} maps new table names to old
     * ones; {@code reshapedTables} names the tables whose columns are renamed, dropped or change type.
     * Dependencies keep the side they come from: a created object carries the wanted ones, a dropped one the
     * current ones, so that the replayed state can order the next diff.
     */
    static void compare(Schema original, Schema from, Schema to, Map<String, String> renamedTables,
                        Set<String> reshapedTables, OperationPlan plan) {
        compare(original, from, to, renamedTables, reshapedTables, plan, Object::equals);
    }

    /** As above, {@code sameObject} saying when two objects of one key need no change (dependencies aside). */
    static void compare(Schema original, Schema from, Schema to, Map<String, String> renamedTables,
                        Set<String> reshapedTables, OperationPlan plan,
                        java.util.function.BiPredicate<SchemaObject, SchemaObject> sameObject) {
        new ObjectComparator(original, from, to, renamedTables, plan, sameObject).compare(reshapedTables);
    }

    private void compare(Set<String> reshapedTables) {
        Set<String> createdTables = new HashSet<>(toTables.keySet());
        createdTables.removeAll(fromTables.keySet());
        Set<String> droppedTables = new HashSet<>(fromTables.keySet());
        droppedTables.removeAll(toTables.keySet());
        Set<String> recreated = recreated(reshapedTables, droppedTables);
        Set<String> late = closure(toObjects, fromObjects.keySet(), createdTables, recreated, false);
        Set<String> early = closure(fromObjects, toObjects.keySet(), droppedTables, recreated, true);

        for (SchemaObject target : toObjects.values()) {
            SchemaObject current = fromObjects.get(target.key());
            if (current == null) {
                create(target, late.contains(target.key()));
            } else if (recreated.contains(target.key()) || renamedTrigger(current) && !same(current, target)) {
                plan.dropEarly(new DropObject(beforeRenames(current)));
                plan.objectLate(new CreateObject(target));
            } else if (same(current, target)) {
                continue;
            } else if (current instanceof Extension was && target instanceof Extension now
                    && !Objects.equals(was.schema(), now.schema())) {
                plan.dropEarly(new DropObject(current));
                plan.objectEarly(new CreateObject(target));
            } else if (current instanceof Sequence was && target instanceof Sequence now) {
                alterSequence(was, now);
            } else if (isLateKind(target.kind()) || isRoutine(target.kind())) {
                // a body replaced once the tables and columns it may read are there
                plan.objectLate(new AlterObject(target, current));
            } else {
                plan.objectEarly(new AlterObject(target, current));
            }
        }
        for (SchemaObject current : fromObjects.values()) {
            if (!toObjects.containsKey(current.key())) {
                drop(current, early.contains(current.key()));
            }
        }
    }

    private void create(SchemaObject target, boolean afterTables) {
        if (target instanceof Sequence s && s.ownedBy() != null) {
            Sequence unowned = s.withOwnedBy(null);
            plan.objectEarly(new CreateObject(unowned));
            plan.own(new AlterObject(s, unowned));
        } else if (afterTables) {
            plan.objectLate(new CreateObject(target));
        } else {
            plan.objectEarly(new CreateObject(target));
        }
    }

    private void drop(SchemaObject current, boolean beforeTables) {
        if (current instanceof Sequence s && s.ownedBy() != null) {
            // a table or column drop takes its owned sequences along: the sequence is freed first, dropped after
            Sequence unowned = s.withOwnedBy(null);
            plan.disown(new AlterObject(unowned, s));
            plan.dropLate(new DropObject(unowned));
        } else if (beforeTables) {
            plan.dropEarly(new DropObject(beforeRenames(current)));
        } else {
            plan.dropLate(new DropObject(current));
        }
    }

    /**
     * A sequence whose owner column goes away is freed before it goes; one whose new owner column is created in the
     * same diff is given it after. Any other change is one in-place alteration before the tables.
     */
    private void alterSequence(Sequence current, Sequence target) {
        Sequence now = current;
        if (current.ownedBy() != null && !current.ownedBy().equals(target.ownedBy())
                && !hasColumn(toTables, current.ownedBy())) {
            now = current.withOwnedBy(null);
            plan.disown(new AlterObject(now, current));
        }
        if (same(now, target)) {
            return;
        }
        if (target.ownedBy() != null && !target.ownedBy().equals(now.ownedBy())
                && !hasColumn(fromTables, target.ownedBy())) {
            plan.own(new AlterObject(target, now));
        } else {
            plan.objectEarly(new AlterObject(target, now));
        }
    }

    /**
     * Keys of the objects on both sides that are dropped and created again: views and materialized views over a
     * reshaped or renamed table, views, triggers and routines whose current version needs a table or object that
     * is dropped (they cannot be replaced before it goes, nor stay while it does), and, transitively, views,
     * triggers and routines over those.
     */
    private Set<String> recreated(Set<String> reshapedTables, Set<String> droppedTables) {
        Set<String> reshaped = new HashSet<>();
        reshapedTables.forEach(t -> reshaped.add(SchemaObject.tableKey(t)));
        oldTableNames.keySet().forEach(t -> reshaped.add(SchemaObject.tableKey(t)));
        Set<String> dropped = new HashSet<>();
        droppedTables.forEach(t -> dropped.add(SchemaObject.tableKey(t)));
        fromObjects.keySet().stream().filter(k -> !toObjects.containsKey(k)).forEach(dropped::add);
        Map<String, List<String>> dependents = new HashMap<>();
        Set<String> result = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (SchemaObject target : toObjects.values()) {
            SchemaObject current = fromObjects.get(target.key());
            if (current == null || !isLateKind(target.kind()) && !isRoutine(target.kind())) {
                continue;
            }
            Set<String> was = needs(current, true);
            Set<String> needs = new HashSet<>(was);
            needs.addAll(needs(target, false));
            needs.forEach(k -> dependents.computeIfAbsent(k, x -> new ArrayList<>()).add(target.key()));
            boolean view = target.kind() == ObjectKind.VIEW || target.kind() == ObjectKind.MATERIALIZED_VIEW;
            boolean seed = view && needs.stream().anyMatch(reshaped::contains)
                    || was.stream().anyMatch(dropped::contains);
            if (seed && result.add(target.key())) {
                queue.add(target.key());
            }
        }
        while (!queue.isEmpty()) {
            for (String dependent : dependents.getOrDefault(queue.poll(), List.of())) {
                if (result.add(dependent)) {
                    queue.add(dependent);
                }
            }
        }
        return result;
    }

    /**
     * Keys of the objects of one side that go with the tables' late phase: new views, materialized views, triggers
     * and routines that need a new table or one of those ({@code drops} false), or dropped ones that need a dropped
     * table or one of those ({@code drops} true), recreated objects included.
     */
    private Set<String> closure(Map<String, SchemaObject> side, Set<String> otherSide, Set<String> tables,
                                Set<String> recreated, boolean drops) {
        Set<String> result = new HashSet<>(recreated);
        tables.forEach(t -> result.add(SchemaObject.tableKey(t)));
        List<SchemaObject> routines = new ArrayList<>();
        for (SchemaObject o : side.values()) {
            if (otherSide.contains(o.key())) {
                continue;
            }
            if (isLateKind(o.kind())) {
                result.add(o.key());
            } else if (isRoutine(o.kind())) {
                routines.add(o);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (SchemaObject r : routines) {
                if (!result.contains(r.key()) && needs(r, drops).stream().anyMatch(result::contains)) {
                    result.add(r.key());
                    grew = true;
                }
            }
        }
        return result;
    }

    /** An object's dependencies, with the current side's table keys under their new names. */
    private Set<String> needs(SchemaObject o, boolean currentSide) {
        Set<String> keys = new HashSet<>();
        for (String k : o.dependsOn()) {
            keys.add(currentSide ? newTableKeys.getOrDefault(k, k) : k);
        }
        if (o instanceof Trigger t) {
            keys.add(SchemaObject.key(ObjectKind.VIEW, t.table()));
            keys.add(SchemaObject.key(ObjectKind.MATERIALIZED_VIEW, t.table()));
        }
        return keys;
    }

    /** A trigger of a renamed table: its definition names the old table, so it is dropped before the rename. */
    private boolean renamedTrigger(SchemaObject o) {
        return o instanceof Trigger t && oldTableNames.containsKey(t.table());
    }

    /** The object as it is before the table renames, for operations placed before them. */
    private SchemaObject beforeRenames(SchemaObject o) {
        if (o instanceof Trigger t && oldTableNames.containsKey(t.table())) {
            String key = SchemaObject.key(ObjectKind.TRIGGER, oldTableNames.get(t.table()) + "." + t.trigger());
            return original.object(key).orElse(o);
        }
        return o;
    }

    private boolean same(SchemaObject a, SchemaObject b) {
        return sameObject.test(a.withDependsOn(List.of()), b.withDependsOn(List.of()));
    }

    /** Views, materialized views, triggers and events: created after the tables, dropped before them. */
    private static boolean isLateKind(ObjectKind kind) {
        return kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW || kind == ObjectKind.TRIGGER
                || kind == ObjectKind.EVENT;
    }

    private static boolean isRoutine(ObjectKind kind) {
        return kind == ObjectKind.FUNCTION || kind == ObjectKind.PROCEDURE;
    }

    /** True when {@code tableColumn} ({@code table.column}) names a column of one of the tables. */
    private static boolean hasColumn(Map<String, Table> tables, String tableColumn) {
        int dot = tableColumn.lastIndexOf('.');
        Table t = dot < 0 ? null : tables.get(tableColumn.substring(0, dot));
        return t != null && t.column(tableColumn.substring(dot + 1)).isPresent();
    }

    private static Map<String, Table> byName(Schema s) {
        Map<String, Table> map = new HashMap<>();
        s.tables().forEach(t -> map.put(t.name(), t));
        return map;
    }
}
