package covet.engine.diff;

import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.AddForeignKey;
import covet.api.operation.CreateTable;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.engine.questioner.Questioner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Computes the operations that turn one schema into another. Both sides pass through the dialect's normaliser
 * first, so spellings the database rewrites do not show up as changes. The result is ordered so it runs:
 * renames, then foreign keys and constraints that go away, then new tables (referenced ones first), column
 * changes, dropped tables (referencing ones first), new constraints and indexes, and new foreign keys last.
 */
public final class Autodetector {
    private final UnaryOperator<Schema> normalizer;
    private final Questioner questioner;

    public Autodetector(UnaryOperator<Schema> normalizer, Questioner questioner) {
        this.normalizer = normalizer;
        this.questioner = questioner;
    }

    public List<Operation> diff(Schema fromSchema, Schema toSchema) {
        Schema from = normalizer.apply(fromSchema);
        Schema to = normalizer.apply(toSchema);
        OperationPlan plan = new OperationPlan();

        from = detectTableRenames(from, to, plan);
        from = detectColumnRenames(from, to, plan);

        Map<String, Table> fromTables = byName(from);
        Map<String, Table> toTables = byName(to);

        List<Table> created = to.tables().stream().filter(t -> !fromTables.containsKey(t.name())).toList();
        List<Table> dropped = from.tables().stream().filter(t -> !toTables.containsKey(t.name())).toList();

        for (Table target : to.tables()) {
            Table current = fromTables.get(target.name());
            if (current != null) {
                TableComparator.compare(current, target, plan);
            }
        }
        createTables(created, fromTables.keySet(), plan);
        dropTables(dropped, plan);
        return plan.ordered();
    }

    /** New tables with the foreign keys they can have at once; keys to tables created later become AddForeignKey. */
    private static void createTables(List<Table> created, Set<String> existing, OperationPlan plan) {
        Set<String> available = new HashSet<>(existing);
        List<Table> remaining = new ArrayList<>(created);
        while (!remaining.isEmpty()) {
            Table next = remaining.stream()
                    .filter(t -> t.foreignKeys().stream().allMatch(f -> available.contains(f.referencedTable())
                            || f.referencedTable().equals(t.name())))
                    .findFirst().orElse(remaining.get(0));
            List<ForeignKey> now = new ArrayList<>();
            List<ForeignKey> later = new ArrayList<>();
            for (ForeignKey f : next.foreignKeys()) {
                (available.contains(f.referencedTable()) || f.referencedTable().equals(next.name()) ? now : later)
                        .add(f);
            }
            plan.createTable(new CreateTable(next.withForeignKeys(now)));
            later.forEach(f -> plan.addForeignKey(new AddForeignKey(next.name(), f)));
            available.add(next.name());
            remaining.remove(next);
        }
    }

    /**
     * Dropped tables, those that reference others first. Foreign keys between dropped tables that form a cycle are
     * dropped separately beforehand.
     */
    private static void dropTables(List<Table> dropped, OperationPlan plan) {
        List<Table> remaining = new ArrayList<>(dropped);
        while (!remaining.isEmpty()) {
            Table next = remaining.stream()
                    .filter(t -> remaining.stream().noneMatch(o -> o != t && o.foreignKeys().stream()
                            .anyMatch(f -> f.referencedTable().equals(t.name()))))
                    .findFirst().orElse(null);
            if (next == null) {
                Table cyclic = remaining.get(0);
                for (ForeignKey f : cyclic.foreignKeys()) {
                    plan.dropForeignKey(new DropForeignKey(cyclic.name(), f.name(), f));
                }
                int i = remaining.indexOf(cyclic);
                remaining.set(i, cyclic.withForeignKeys(List.of()));
                continue;
            }
            plan.dropTable(new DropTable(next.name(), next));
            remaining.remove(next);
        }
    }

    /** A table that disappears while one of the same columns appears is a rename only when confirmed. */
    private Schema detectTableRenames(Schema from, Schema to, OperationPlan plan) {
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
