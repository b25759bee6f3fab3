package covet.engine.merge;

import covet.api.migration.Migration;
import covet.api.migration.MigrationIds;
import covet.api.operation.Operation;
import covet.engine.graph.MigrationGraph;
import covet.engine.optimize.Footprint;
import covet.engine.optimize.Footprints;
import covet.engine.optimize.ObjectKey;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans {@code makemigrations --merge}: a migration with no operations that depends on every leaf of the app. Before
 * that, each pair of branches is compared from where they forked: when one changes an object the other changes or
 * uses (a table, a column, an index or constraint, a table's settings, a named object such as an enum, a view or a
 * function), the order would matter, so the merge is refused and the objects listed. Only what an operation names
 * counts (an object's {@code dependsOn}, a sequence's owning column, a trigger's table); raw SQL is not compared:
 * what it touches is unknown.
 */
public final class MergePlanner {
    private MergePlanner() {
    }

    /**
     * The merge migration for the app's leaves, or empty when there is one leaf or none. {@code name} is the id's
     * name part, or null for {@code merge_<leaf names>}.
     */
    public static Optional<Migration> plan(MigrationGraph graph, String app, LocalDateTime now, String name) {
        List<Migration> leaves = BranchConflicts.leaves(graph, app);
        if (leaves.size() < 2) {
            return Optional.empty();
        }
        List<Overlap> overlaps = new ArrayList<>();
        for (int i = 0; i < leaves.size(); i++) {
            for (int j = i + 1; j < leaves.size(); j++) {
                overlaps.addAll(overlaps(graph, leaves.get(i).id(), leaves.get(j).id()));
            }
        }
        if (!overlaps.isEmpty()) {
            StringBuilder b = new StringBuilder("cannot merge ");
            b.append(String.join(" and ", leaves.stream().map(Migration::id).toList()))
                    .append(": the branches change the same objects, so the order they run in matters:");
            overlaps.forEach(o -> b.append("\n  ").append(o.describe()));
            b.append("\nRebase one branch on the other instead: delete its migration files, run makemigrations "
                    + "again, and review the result.");
            throw new MergeRefusedException(b.toString(), overlaps);
        }
        List<String> deps = leaves.stream().map(Migration::id).sorted().toList();
        String id = MigrationIds.create(now, name != null ? name : defaultName(deps));
        return Optional.of(new Migration(id, app, deps, List.of()));
    }

    /** Objects both branches touch, first reason per object, from where the two leaves forked. */
    public static List<Overlap> overlaps(MigrationGraph graph, String leftLeaf, String rightLeaf) {
        Set<String> left = BranchConflicts.ancestorsOrSelf(graph, leftLeaf);
        Set<String> right = BranchConflicts.ancestorsOrSelf(graph, rightLeaf);
        Set<String> common = new HashSet<>(left);
        common.retainAll(right);
        List<Change> leftChanges = changes(graph, left, common);
        List<Change> rightChanges = changes(graph, right, common);
        Map<ObjectKey, Overlap> found = new LinkedHashMap<>();
        for (Change l : leftChanges) {
            for (Change r : rightChanges) {
                if (l.print.conflictsWith(r.print)) {
                    for (ObjectKey k : l.print.sharedWith(r.print)) {
                        found.putIfAbsent(k, new Overlap(k, l.describe(), r.describe()));
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    private record Change(String migration, Operation op, Footprint print) {
        String describe() {
            return migration + " " + op.describe();
        }
    }

    /** The branch's operations since the fork, in graph order, raw SQL left out. */
    private static List<Change> changes(MigrationGraph graph, Set<String> branch, Set<String> common) {
        List<Change> changes = new ArrayList<>();
        for (Migration m : graph.order()) {
            if (branch.contains(m.id()) && !common.contains(m.id())) {
                for (Operation op : m.operations()) {
                    Footprint p = Footprints.of(op).withoutOrder().withoutWildcards();
                    if (!p.opaque()) {
                        changes.add(new Change(m.id(), op, p));
                    }
                }
            }
        }
        return changes;
    }

    private static String defaultName(List<String> leaves) {
        StringBuilder b = new StringBuilder("merge");
        for (String leaf : leaves) {
            String part = MigrationIds.isValid(leaf) ? leaf.substring(16) : leaf;
            if (b.length() + part.length() + 1 > 60) {
                break;
            }
            b.append('_').append(part);
        }
        return b.toString();
    }
}
