package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.MaterializedView;
import covet.api.model.ObjectKind;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import covet.api.operation.AlterColumn;
import covet.api.operation.DropColumn;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Applies operations to the model the way a database would accept them: after each one, everything an object,
 * foreign key (a key of its table), partition or owned sequence needs exists, and no view stands over a column
 * being reshaped. What the database would refuse fails the test with the operation named.
 */
final class ModelChecks {
    private ModelChecks() {
    }

    /** {@code start} with {@code ops} applied, each checked as the database would. */
    static Schema apply(Schema start, List<Operation> ops) {
        Schema state = start;
        requireConsistent(state, () -> "before the first operation");
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            int n = i + 1;
            Supplier<String> where = () -> "operation " + n + " (" + op.describe() + ") of " + describe(ops);
            refuseBlocked(state, op, where);
            try {
                state = op.applyTo(state);
            } catch (RuntimeException e) {
                fail(where.get() + ": " + e.getMessage(), e);
            }
            requireConsistent(state, () -> "after " + where.get());
        }
        return state;
    }

    /** The reverses of {@code ops}, in reverse order: the downgrade. */
    static List<Operation> reverse(List<Operation> ops) {
        List<Operation> undo = new ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            Operation op = ops.get(i);
            undo.add(op.reverse().orElseThrow(() -> new AssertionError(op.describe() + " is irreversible")));
        }
        return undo;
    }

    /** Asserts that both schemas hold the same things, whatever the order and the dependency lists. */
    static void assertSameSchema(Schema expected, Schema actual, String message) {
        assertEquals(canonical(expected), canonical(actual), message);
    }

    static void assertSameSchema(Schema expected, Schema actual, Supplier<String> message) {
        assertEquals(canonical(expected), canonical(actual), message);
    }

    /**
     * Tables by name with their columns and constraints by name, a primary key's name dropped (an unnamed wanted key
     * keeps the database's name), objects by key without dependencies.
     */
    static Schema canonical(Schema s) {
        List<Table> tables = s.tables().stream().map(t -> t
                        .withColumns(sorted(t.columns(), Column::name))
                        .withPrimaryKey(t.primaryKey() == null ? null
                                : new covet.api.model.PrimaryKey(null, t.primaryKey().columns()))
                        .withUniques(sorted(t.uniques(), UniqueConstraint::name))
                        .withIndexes(sorted(t.indexes(), Index::name))
                        .withForeignKeys(sorted(t.foreignKeys(), ForeignKey::name))
                        .withChecks(sorted(t.checks(), Check::name))
                        .withExclusions(sorted(t.exclusions(), Exclusion::name)))
                .sorted(Comparator.comparing(Table::name)).toList();
        List<SchemaObject> objects = s.objects().stream().map(o -> o.withDependsOn(List.of()))
                .sorted(Comparator.comparing(SchemaObject::key)).map(o -> (SchemaObject) o).toList();
        return new Schema(tables, objects);
    }

    private static <T> List<T> sorted(List<T> list, Function<T, String> name) {
        return list.stream().sorted(Comparator.comparing(name)).toList();
    }

    /** What the database refuses before the operation runs. */
    private static void refuseBlocked(Schema state, Operation op, Supplier<String> where) {
        String reshaped = null;
        String column = null;
        if (op instanceof DropColumn d) {
            reshaped = d.table();
            column = d.name();
        } else if (op instanceof RenameColumn r) {
            reshaped = r.table();
            column = r.from();
        } else if (op instanceof AlterColumn a && a.previous() != null
                && !a.previous().type().equals(a.column().type())) {
            reshaped = a.table();
            column = a.column().name();
        }
        if (reshaped != null) {
            // the database tracks which columns a view reads; the test's views name the columns they read
            java.util.regex.Pattern word = java.util.regex.Pattern.compile("\\b" + column + "\\b");
            for (SchemaObject o : state.objects()) {
                String definition = o instanceof View v ? v.definition()
                        : o instanceof MaterializedView m ? m.definition() : null;
                if (definition != null && o.dependsOn().contains(SchemaObject.tableKey(reshaped))
                        && word.matcher(definition).find()) {
                    fail(where.get() + ": " + o.describe() + " still reads " + reshaped + "." + column);
                }
            }
        }
    }

    /** What the database guarantees between statements. */
    private static void requireConsistent(Schema state, Supplier<String> where) {
        Set<String> keys = new HashSet<>();
        state.tables().forEach(t -> keys.add(SchemaObject.tableKey(t.name())));
        state.objects().forEach(o -> keys.add(o.key()));
        for (SchemaObject o : state.objects()) {
            for (String needed : o.dependsOn()) {
                // an owned sequence's table is its owner: ownership is checked below, set once the table exists
                boolean ownerTable = o instanceof Sequence && needed.startsWith("table:");
                if (!ownerTable && !keys.contains(needed)) {
                    fail(where.get() + ": " + o.describe() + " needs " + needed + ", which does not exist");
                }
            }
            if (o instanceof Trigger t && state.table(t.table()).isEmpty()
                    && !keys.contains(SchemaObject.key(ObjectKind.VIEW, t.table()))) {
                fail(where.get() + ": " + o.describe() + " is on " + t.table() + ", which does not exist");
            }
            if (o instanceof Sequence q && q.ownedBy() != null) {
                int dot = q.ownedBy().lastIndexOf('.');
                boolean exists = state.table(q.ownedBy().substring(0, dot))
                        .flatMap(t -> t.column(q.ownedBy().substring(dot + 1))).isPresent();
                if (!exists) {
                    fail(where.get() + ": " + o.describe() + " is owned by " + q.ownedBy() + ", which does not exist");
                }
            }
        }
        for (Table t : state.tables()) {
            for (ForeignKey f : t.foreignKeys()) {
                Table target = state.table(f.referencedTable()).orElse(null);
                if (target == null) {
                    fail(where.get() + ": foreign key " + f.name() + " of " + t.name() + " references "
                            + f.referencedTable() + ", which does not exist");
                } else if (!isKey(target, f.referencedColumns())) {
                    fail(where.get() + ": foreign key " + f.name() + " of " + t.name() + " references "
                            + f.referencedColumns() + " of " + target.name() + ", which is no key");
                }
            }
            if (t.partitionOf() != null && state.table(t.partitionOf().parent()).isEmpty()) {
                fail(where.get() + ": partition " + t.name() + " of " + t.partitionOf().parent() + ", which does not exist");
            }
        }
    }

    private static boolean isKey(Table t, List<String> columns) {
        Set<String> cols = new HashSet<>(columns);
        return t.primaryKey() != null && new HashSet<>(t.primaryKey().columns()).equals(cols)
                || t.uniques().stream().anyMatch(u -> new HashSet<>(u.columns()).equals(cols))
                || t.indexes().stream().anyMatch(i -> i.unique() && i.where() == null && new HashSet<>(i.columns()
                .stream().map(c -> c.name()).toList()).equals(cols));
    }

    private static String describe(List<Operation> ops) {
        return ops.stream().map(Operation::describe).toList().toString();
    }
}
