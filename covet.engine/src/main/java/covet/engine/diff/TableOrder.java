package covet.engine.diff;

import covet.api.model.ForeignKey;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import covet.api.operation.AddForeignKey;
import covet.api.operation.CreateTable;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders new and dropped tables by what they reference: a partition's parent, the tables a table inherits from and
 * the tables its foreign keys point to are created first and dropped last. Foreign keys that cannot be created with their table (a cycle, or a key
 * added later in the same diff) become AddForeignKey; those that would block a drop are dropped beforehand.
 */
final class TableOrder {
    /** The table option naming the tables a table inherits its columns from. */
    private static final String INHERITS = "inherits";

    private TableOrder() {
    }

    /** New tables with the foreign keys they can have at once, in an order that runs. */
    static void create(List<Table> created, Set<String> existing, KeyChanges keys, OperationPlan plan) {
        Set<String> available = new HashSet<>(existing);
        for (Table next : sorted(created)) {
            List<ForeignKey> now = new ArrayList<>();
            List<ForeignKey> later = new ArrayList<>();
            for (ForeignKey f : next.foreignKeys()) {
                boolean ready = f.referencedTable().equals(next.name())
                        || available.contains(f.referencedTable()) && !keys.waitsForKey(f);
                (ready ? now : later).add(f);
            }
            plan.createTable(new CreateTable(next.withForeignKeys(now)));
            later.forEach(f -> plan.addForeignKey(new AddForeignKey(next.name(), f)));
            available.add(next.name());
        }
    }

    /**
     * Dropped tables, partitions and referencing tables first. A foreign key that still points to a table when it
     * goes (a cycle between dropped tables), or to a key dropped in the same diff, is dropped separately first.
     */
    static void drop(List<Table> dropped, KeyChanges keys, OperationPlan plan) {
        Map<String, Table> current = new LinkedHashMap<>();
        dropped.forEach(t -> current.put(t.name(), t));
        for (Table t : dropped) {
            for (ForeignKey f : t.foreignKeys()) {
                if (keys.blocksKeyDrop(f)) {
                    dropForeignKey(current, t.name(), f, plan);
                }
            }
        }
        Map<String, List<String>> referencedBy = new HashMap<>();
        for (Table t : dropped) {
            for (ForeignKey f : t.foreignKeys()) {
                if (!f.referencedTable().equals(t.name()) && current.containsKey(f.referencedTable())) {
                    referencedBy.computeIfAbsent(f.referencedTable(), k -> new ArrayList<>()).add(t.name());
                }
            }
        }
        List<Table> order = new ArrayList<>(sorted(dropped));
        java.util.Collections.reverse(order);
        Set<String> gone = new HashSet<>();
        for (Table t : order) {
            for (String referencing : referencedBy.getOrDefault(t.name(), List.of())) {
                if (gone.contains(referencing)) {
                    continue;
                }
                for (ForeignKey f : List.copyOf(current.get(referencing).foreignKeys())) {
                    if (f.referencedTable().equals(t.name())) {
                        dropForeignKey(current, referencing, f, plan);
                    }
                }
            }
            plan.dropTable(new DropTable(t.name(), current.get(t.name())));
            gone.add(t.name());
        }
    }

    private static void dropForeignKey(Map<String, Table> current, String table, ForeignKey f, OperationPlan plan) {
        Table before = current.get(table);
        if (before.foreignKey(f.name()).isEmpty()) {
            return;
        }
        plan.dropForeignKey(new DropForeignKey(table, f.name(), f));
        current.put(table, before.withForeignKeys(before.foreignKeys().stream()
                .filter(x -> !x.name().equals(f.name())).toList()));
    }

    /** Parents (of partitions and inheriting tables) before their children; otherwise the given order. */
    static List<Table> parentsFirst(List<Table> tables) {
        return DependencyOrder.sort(tables, t -> SchemaObject.tableKey(t.name()), TableOrder::parents, (a, b) -> 0);
    }

    /** Referenced tables and parents first; otherwise the given order. */
    private static List<Table> sorted(List<Table> tables) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            position.putIfAbsent(tables.get(i).name(), i);
        }
        return DependencyOrder.sort(tables, t -> SchemaObject.tableKey(t.name()), TableOrder::references,
                Comparator.comparing(t -> position.get(t.name())));
    }

    /** The tables a table needs first, as keys: its parents and the tables its foreign keys reference. */
    private static Collection<String> references(Table t) {
        Set<String> keys = new LinkedHashSet<>(parents(t));
        t.foreignKeys().forEach(f -> keys.add(SchemaObject.tableKey(f.referencedTable())));
        return keys;
    }

    /**
     * The partitioned table a partition belongs to, and the tables it inherits from (PostgreSQL's {@code inherits}
     * option, the parents' names separated by commas), as keys.
     */
    private static Collection<String> parents(Table t) {
        Set<String> keys = new LinkedHashSet<>();
        if (t.partitionOf() != null) {
            keys.add(SchemaObject.tableKey(t.partitionOf().parent()));
        }
        String inherits = t.options().get(INHERITS);
        if (inherits != null) {
            for (String parent : inherits.split(",")) {
                if (!parent.isBlank()) {
                    keys.add(SchemaObject.tableKey(parent.strip()));
                }
            }
        }
        return keys;
    }
}
