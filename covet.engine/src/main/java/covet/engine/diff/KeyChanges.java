package covet.engine.diff;

import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Table;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.CreateIndex;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a foreign key can reference (primary keys, unique constraints, unique indexes) that a diff drops or adds.
 * The database refuses to drop a key a foreign key depends on, and to create a foreign key before its key: foreign
 * keys on such a key are dropped before it and added back after it.
 */
final class KeyChanges {
    /** A referenceable key: a table and its columns, in any order. */
    record Key(String table, Set<String> columns) {
        static Key of(String table, List<String> columns) {
            return new Key(table, new TreeSet<>(columns));
        }

        static Key referencedBy(ForeignKey f) {
            return of(f.referencedTable(), f.referencedColumns());
        }
    }

    private final Set<Key> dropped = new HashSet<>();
    private final Set<Key> added = new HashSet<>();

    /** The keys the constraint operations of a plan drop and add. */
    static KeyChanges of(List<Operation> constraintChanges) {
        KeyChanges k = new KeyChanges();
        for (Operation op : constraintChanges) {
            if (op instanceof DropPrimaryKey d && d.definition() != null) {
                k.dropped.add(Key.of(d.table(), d.definition().columns()));
            } else if (op instanceof DropUniqueConstraint d && d.definition() != null) {
                k.dropped.add(Key.of(d.table(), d.definition().columns()));
            } else if (op instanceof DropIndex d && d.definition() != null && isKey(d.definition())) {
                k.dropped.add(Key.of(d.table(), columns(d.definition())));
            } else if (op instanceof AddPrimaryKey a) {
                k.added.add(Key.of(a.table(), a.key().columns()));
            } else if (op instanceof AddUniqueConstraint a) {
                k.added.add(Key.of(a.table(), a.unique().columns()));
            } else if (op instanceof CreateIndex c && isKey(c.index())) {
                k.added.add(Key.of(c.table(), columns(c.index())));
            }
        }
        return k;
    }

    /** True when a foreign key must wait for its key, added in this diff. */
    boolean waitsForKey(ForeignKey f) {
        return added.contains(Key.referencedBy(f));
    }

    /** True when a foreign key must go before its key is dropped. */
    boolean blocksKeyDrop(ForeignKey f) {
        return dropped.contains(Key.referencedBy(f));
    }

    /**
     * Foreign keys that stay the same on tables that stay, but whose key is dropped (or re-created): dropped before
     * it and added back after it.
     */
    void dropAroundKeys(Map<String, Table> fromTables, Map<String, Table> toTables, OperationPlan plan) {
        if (dropped.isEmpty()) {
            return;
        }
        for (Table target : toTables.values()) {
            Table current = fromTables.get(target.name());
            if (current == null) {
                continue;
            }
            for (ForeignKey f : current.foreignKeys()) {
                if (blocksKeyDrop(f) && target.foreignKey(f.name()).map(f::equals).orElse(false)) {
                    plan.dropForeignKey(new DropForeignKey(current.name(), f.name(), f));
                    plan.addForeignKey(new AddForeignKey(target.name(), f));
                }
            }
        }
    }

    private static boolean isKey(Index i) {
        return i.unique() && i.where() == null && i.columns().stream().noneMatch(IndexColumn::isExpression);
    }

    private static List<String> columns(Index i) {
        return i.columns().stream().map(IndexColumn::name).toList();
    }
}
