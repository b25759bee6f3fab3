package covet.engine.diff;

import covet.api.model.Column;
import covet.api.model.EnumType;
import covet.api.model.NativeType;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import covet.api.operation.AlterColumn;
import covet.api.operation.DropColumn;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.engine.questioner.Questioner;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Computes the operations that turn one schema into another. Both sides pass through the dialect's normaliser
 * first, so spellings the database rewrites do not show up as changes; objects are compared without their
 * dependencies, which only order the result. The result is ordered so it runs (see {@link OperationPlan}): views
 * and triggers that go away first, renames, foreign keys and constraints that go away, the types, sequences and
 * routines tables use, new tables (referenced ones and partition parents first), column changes, dropped tables
 * (referencing ones and partitions first), new constraints and indexes, new foreign keys, then views and triggers,
 * and the objects nothing uses any more last.
 */
public final class Autodetector {
    private final UnaryOperator<Schema> normalizer;
    private final Questioner questioner;
    private final java.util.function.BiPredicate<covet.api.model.SchemaObject, covet.api.model.SchemaObject> sameObject;

    public Autodetector(UnaryOperator<Schema> normalizer, Questioner questioner) {
        this(normalizer, Object::equals, questioner);
    }

    /**
     * @param sameObject whether two normalised objects of one key (dependencies aside) need no change: the
     *                   dialect's {@code Dialect.sameObject}, e.g. bodies compared without regard to blanks
     */
    public Autodetector(UnaryOperator<Schema> normalizer,
                        java.util.function.BiPredicate<covet.api.model.SchemaObject, covet.api.model.SchemaObject>
                                sameObject, Questioner questioner) {
        this.normalizer = normalizer;
        this.questioner = questioner;
        this.sameObject = sameObject;
    }

    public List<Operation> diff(Schema fromSchema, Schema toSchema) {
        Schema original = normalizer.apply(fromSchema);
        Schema to = normalizer.apply(toSchema);
        OperationPlan plan = new OperationPlan();

        Map<String, String> renamedTables = new LinkedHashMap<>();
        Schema from = detectTableRenames(original, to, plan, renamedTables);
        from = detectColumnRenames(from, to, plan);

        Map<String, Table> fromTables = byName(from);
        Map<String, Table> toTables = byName(to);

        List<Table> created = to.tables().stream().filter(t -> !fromTables.containsKey(t.name())).toList();
        List<Table> dropped = from.tables().stream().filter(t -> !toTables.containsKey(t.name())).toList();

        // parents first, so that a change a partition shares with its parent comes after the parent's own
        for (Table target : TableOrder.parentsFirst(to.tables())) {
            Table current = fromTables.get(target.name());
            if (current != null) {
                TableComparator.compare(current, target, plan);
            }
        }
        KeyChanges keys = KeyChanges.of(plan.constraintChanges());
        keys.dropAroundKeys(fromTables, toTables, plan);
        TableOrder.create(created, fromTables.keySet(), keys, plan);
        TableOrder.drop(dropped, keys, plan);
        Set<String> reshaped = reshapedTables(plan.columnChanges());
        reshaped.addAll(tablesOfChangedEnums(from, to));
        ObjectComparator.compare(original, from, to, renamedTables, reshaped, plan, sameObject);
        return plan.ordered();
    }

    /**
     * Tables whose columns are renamed, dropped, or change type, collation or generation expression: what a view
     * over them cannot survive.
     */
    private static Set<String> reshapedTables(List<Operation> columnChanges) {
        Set<String> tables = new HashSet<>();
        for (Operation op : columnChanges) {
            if (op instanceof RenameColumn r) {
                tables.add(r.table());
            } else if (op instanceof DropColumn d) {
                tables.add(d.table());
            } else if (op instanceof AlterColumn a && a.previous() != null && reshapes(a.previous(), a.column())) {
                tables.add(a.table());
            }
        }
        return tables;
    }

    /**
     * Tables with a column of an enum whose values change. A value removed or the order changed re-creates the type
     * going forward; a value added re-creates it when rolled back (no database removes an enum value in place);
     * both rewrite the columns of the type, which a view over them does not survive. A renamed value changes the
     * text of a view that names it, whose old text no longer parses once the value is renamed: replaced in place,
     * the view could not be put back on rollback. So views over such tables are dropped and created again around
     * any change of the enum's values, in both directions.
     */
    private static Set<String> tablesOfChangedEnums(Schema from, Schema to) {
        Set<String> enums = new HashSet<>();
        for (SchemaObject wanted : to.objects()) {
            if (wanted instanceof EnumType now && from.object(now.key()).orElse(null) instanceof EnumType was
                    && !was.values().equals(now.values())) {
                enums.add(now.name());
            }
        }
        Set<String> tables = new HashSet<>();
        if (enums.isEmpty()) {
            return tables;
        }
        for (Table t : from.tables()) {
            if (t.columns().stream().anyMatch(c -> enums.contains(typeName(c)))) {
                tables.add(t.name());
            }
        }
        return tables;
    }

    /** The type a column of a database's own type names, without quotes and array brackets; null otherwise. */
    private static String typeName(Column c) {
        if (!(c.type() instanceof NativeType n)) {
            return null;
        }
        String sql = n.sql().strip();
        while (sql.endsWith("[]")) {
            sql = sql.substring(0, sql.length() - 2).strip();
        }
        return sql.replace("\"", "");
    }

    private static boolean reshapes(Column before, Column after) {
        return !before.type().equals(after.type()) || !Objects.equals(before.collation(), after.collation())
                || !Objects.equals(before.generated(), after.generated());
    }

    /** A table that disappears while one of the same columns appears is a rename only when confirmed. */
    private Schema detectTableRenames(Schema from, Schema to, OperationPlan plan, Map<String, String> renamed) {
        Map<String, Table> toTables = byName(to);
        Map<String, Table> fromTables = byName(from);
        Schema result = from;
        for (Table gone : from.tables()) {
            if (toTables.containsKey(gone.name())) {
                continue;
            }
            for (Table added : to.tables()) {
                if (fromTables.containsKey(added.name()) || result.table(added.name()).isPresent()) {
                    continue;
                }
                if (sameShape(gone, added) && questioner.isTableRename(gone.name(), added.name())) {
                    RenameTable op = new RenameTable(gone.name(), added.name());
                    plan.rename(op);
                    renamed.put(added.name(), gone.name());
                    result = op.applyTo(result);
                    break;
                }
            }
        }
        return result;
    }

    private Schema detectColumnRenames(Schema from, Schema to, OperationPlan plan) {
        Schema result = from;
        for (Table target : to.tables()) {
            var currentOpt = result.table(target.name());
            if (currentOpt.isEmpty()) {
                continue;
            }
            Table current = currentOpt.get();
            for (Column gone : current.columns()) {
                if (target.column(gone.name()).isPresent()) {
                    continue;
                }
                for (Column added : target.columns()) {
                    Table now = result.requireTable(target.name());
                    if (now.column(added.name()).isPresent()) {
                        continue;
                    }
                    if (sameDefinition(gone, added)
                            && questioner.isColumnRename(target.name(), gone.name(), added.name())) {
                        RenameColumn op = new RenameColumn(target.name(), gone.name(), added.name());
                        plan.rename(op);
                        result = op.applyTo(result);
                        break;
                    }
                }
            }
        }
        return result;
    }

    private static boolean sameShape(Table a, Table b) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (int i = 0; i < a.columns().size(); i++) {
            if (!a.columns().get(i).equals(b.columns().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameDefinition(Column a, Column b) {
        return a.withName(b.name()).equals(b);
    }

    private static Map<String, Table> byName(Schema s) {
        Map<String, Table> map = new LinkedHashMap<>();
        s.tables().forEach(t -> map.put(t.name(), t));
        return map;
    }
}
