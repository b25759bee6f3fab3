package covet.engine.merge;

import covet.api.migration.Migration;
import covet.engine.graph.MigrationGraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds branch conflicts: an app whose migrations end in more than one leaf (a migration no other migration of the
 * app follows), typically two branches that each added one after the same parent. Give it the graph as the database
 * sees it (after squashes are resolved), or a squash and its replaced migrations count as two leaves.
 */
public final class BranchConflicts {
    public static final String FIX = "covet makemigrations --merge";

    private BranchConflicts() {
    }

    /** The app's leaves, in graph order. */
    public static List<Migration> leaves(MigrationGraph graph, String app) {
        // repeatable migrations stand outside the chain (they run after it): they are no branch
        List<Migration> ofApp = graph.order().stream().filter(m -> m.app().equals(app))
                .filter(m -> !covet.api.migration.Repeatables.isRepeatable(m)).toList();
        Set<String> followed = new HashSet<>();
        ofApp.forEach(m -> followed.addAll(m.dependencies()));
        return ofApp.stream().filter(m -> !followed.contains(m.id())).toList();
    }

    /** Fails with a message naming every leaf, the migrations they share, and the fix, when there are two or more. */
    public static void check(MigrationGraph graph, String app) {
        List<Migration> leaves = leaves(graph, app);
        if (leaves.size() < 2) {
            return;
        }
        StringBuilder b = new StringBuilder("conflicting migrations in app '").append(app).append("': ")
                .append(leaves.size()).append(" migrations have no successor (typically two branches each added one):");
        for (Migration leaf : leaves) {
            b.append("\n  ").append(leaf.id()).append(leaf.location() != null ? " (" + leaf.location() + ")" : "");
        }
        List<String> common = latestCommonAncestors(graph, leaves.stream().map(Migration::id).toList());
        if (!common.isEmpty()) {
            b.append("\nthey all follow ").append(String.join(", ", common)).append('.');
        }
        b.append("\nRun '").append(FIX).append("' to write a migration that joins them, then run this again.");
        throw new BranchConflictException(b.toString(), leaves.stream().map(Migration::id).toList());
    }

    /** {@code id} and every migration it follows, directly or not. */
    public static Set<String> ancestorsOrSelf(MigrationGraph graph, String id) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (seen.add(current)) {
                graph.find(current).ifPresent(m -> todo.addAll(m.dependencies()));
            }
        }
        return seen;
    }

    /** The migrations every one of {@code ids} follows that no other such migration follows: where they forked. */
    public static List<String> latestCommonAncestors(MigrationGraph graph, List<String> ids) {
        Set<String> common = null;
        for (String id : ids) {
            Set<String> a = ancestorsOrSelf(graph, id);
            if (common == null) {
                common = new HashSet<>(a);
            } else {
                common.retainAll(a);
            }
        }
        if (common == null || common.isEmpty()) {
            return List.of();
        }
        Set<String> dominated = new HashSet<>();
        for (String c : common) {
            Set<String> a = ancestorsOrSelf(graph, c);
            a.remove(c);
            dominated.addAll(a);
        }
        Set<String> result = common;
        return graph.order().stream().map(Migration::id).filter(result::contains).filter(x -> !dominated.contains(x))
                .toList();
    }
}
