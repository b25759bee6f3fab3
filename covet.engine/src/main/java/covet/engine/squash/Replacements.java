package covet.engine.squash;

import covet.api.migration.Migration;
import covet.engine.graph.MigrationGraph;
import covet.engine.history.AppliedMigration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses, for one database, between each squashed migration and the ones it replaces (Django's loader):
 * <ul>
 *   <li>the squash is recorded, or every replaced migration is: use the squash, counted as applied;</li>
 *   <li>none of the replaced migrations has a history row (a new database): use the squash;</li>
 *   <li>only some have one: use the replaced migrations, so the rest of them are applied one by one.</li>
 * </ul>
 * Dependencies on the migrations left out are redirected: to the squash when it is used, to the last replaced ones
 * when it is not. A pure function of the files, the sidecars and the history rows.
 */
public final class Replacements {
    private Replacements() {
    }

    /** The view without a database (makemigrations, sqlmigrate, squash): every squash is used. */
    public static ResolvedGraph resolve(List<Migration> files, ReplacementIndex index) {
        return resolve(files, index, List.of());
    }

    public static ResolvedGraph resolve(MigrationGraph graph, ReplacementIndex index,
                                        Collection<AppliedMigration> rows) {
        return resolve(graph.order(), index, rows);
    }

    /**
     * The view for a database whose history holds {@code rows}. {@code files} are all migrations read, which may lack
     * replaced migrations whose files were deleted once every database had moved past them.
     */
    public static ResolvedGraph resolve(List<Migration> files, ReplacementIndex index,
                                        Collection<AppliedMigration> rows) {
        Map<String, Migration> byId = new LinkedHashMap<>();
        files.forEach(m -> byId.put(m.id(), m));
        Map<String, List<String>> squashes = new LinkedHashMap<>();
        for (String s : index.squashes()) {
            if (byId.containsKey(s)) {
                squashes.put(s, index.replaces(s));
            }
        }
        Set<String> complete = new HashSet<>();
        Set<String> touched = new HashSet<>();
        for (AppliedMigration row : rows) {
            Migration m = byId.get(row.name());
            if (m != null && !m.app().equals(row.app())) {
                continue;
            }
            touched.add(row.name());
            if (row.complete()) {
                complete.add(row.name());
            }
        }
        Set<String> applied = appliedClosure(squashes, complete);

        Map<String, String> absorbed = new HashMap<>();
        Map<String, List<String>> redirect = new HashMap<>();
        Set<String> used = new LinkedHashSet<>();
        Deque<String> candidates = new ArrayDeque<>(outermost(squashes));
        while (!candidates.isEmpty()) {
            String s = candidates.poll();
            List<String> replaced = squashes.get(s);
            boolean none = replaced.stream().noneMatch(touched::contains);
            if (applied.contains(s) || none) {
                used.add(s);
                for (String r : replaced) {
                    absorbed.put(r, s);
                    redirect.put(r, List.of(s));
                }
            } else {
                redirect.put(s, lastOf(replaced, byId));
                for (String r : replaced) {
                    if (squashes.containsKey(r)) {
                        candidates.add(r);
                    }
                }
            }
        }

        List<Migration> kept = new ArrayList<>();
        for (Migration m : files) {
            if (absorbed.containsKey(m.id()) || redirect.containsKey(m.id())) {
                continue;
            }
            List<String> deps = new ArrayList<>();
            for (String d : m.dependencies()) {
                for (String target : follow(d, redirect)) {
                    if (!target.equals(m.id()) && !deps.contains(target)) {
                        deps.add(target);
                    }
                }
            }
            kept.add(deps.equals(m.dependencies()) ? m
                    : new Migration(m.id(), m.app(), deps, m.operations(), m.location()));
        }
        checkRunnable(squashes, used, absorbed, byId, applied);
        MigrationGraph graph = MigrationGraph.of(kept);
        Set<String> appliedKept = new HashSet<>();
        for (Migration m : graph.order()) {
            if (applied.contains(m.id())) {
                appliedKept.add(m.id());
            }
        }
        return new ResolvedGraph(graph, appliedKept, absorbed, index);
    }

    /**
     * Complete rows, plus squashes whose replaced migrations all count as applied, plus the migrations an applied
     * squash replaces; repeated until nothing changes, so squashes of squashes work in either direction.
     */
    private static Set<String> appliedClosure(Map<String, List<String>> squashes, Set<String> complete) {
        Set<String> applied = new HashSet<>(complete);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : squashes.entrySet()) {
                if (applied.contains(e.getKey()) || applied.containsAll(e.getValue())) {
                    changed |= applied.add(e.getKey());
                    changed |= applied.addAll(e.getValue());
                }
            }
        }
        return applied;
    }

    /** Squashes no other squash replaces: decided first, since using one settles the ones inside it. */
    private static List<String> outermost(Map<String, List<String>> squashes) {
        Set<String> inner = new HashSet<>();
        squashes.values().forEach(inner::addAll);
        return squashes.keySet().stream().filter(s -> !inner.contains(s)).sorted().toList();
    }

    /** The replaced migrations no other replaced migration depends on: where a dependency on the squash goes. */
    private static List<String> lastOf(List<String> replaced, Map<String, Migration> byId) {
        Set<String> depended = new HashSet<>();
        for (String r : replaced) {
            Migration m = byId.get(r);
            if (m != null) {
                depended.addAll(m.dependencies());
            }
        }
        List<String> last = replaced.stream().filter(r -> !depended.contains(r)).toList();
        return last.isEmpty() ? List.of(replaced.get(replaced.size() - 1)) : last;
    }

    private static List<String> follow(String id, Map<String, List<String>> redirect) {
        List<String> out = new ArrayList<>();
        follow(id, redirect, out, new HashSet<>());
        return out;
    }

    private static void follow(String id, Map<String, List<String>> redirect, List<String> out, Set<String> seen) {
        List<String> next = redirect.get(id);
        if (next == null || !seen.add(id)) {
            if (!out.contains(id)) {
                out.add(id);
            }
            return;
        }
        for (String n : next) {
            follow(n, redirect, out, seen);
        }
    }

    /**
     * A database that applied only part of a squash needs the rest of the replaced files; when one was deleted the
     * database cannot be brought up to date, and the message says which and how.
     */
    private static void checkRunnable(Map<String, List<String>> squashes, Set<String> used,
                                      Map<String, String> absorbed, Map<String, Migration> byId,
                                      Set<String> applied) {
        for (var e : squashes.entrySet()) {
            String s = e.getKey();
            if (used.contains(s) || absorbed.containsKey(s)) {
                continue;
            }
            List<String> missing = e.getValue().stream()
                    .filter(r -> !byId.containsKey(r) && !applied.contains(r) && !absorbed.containsKey(r))
                    .toList();
            if (!missing.isEmpty()) {
                List<String> done = e.getValue().stream().filter(applied::contains).toList();
                throw new SquashException("this database applied only part of squashed migration " + s + " ("
                        + done + "), so the rest of the migrations it replaces must run one by one, but no file "
                        + "declares " + missing + ". Restore those files from version control (they may be deleted "
                        + "only once every database has migrated past " + s + "); nothing was changed.");
            }
        }
    }
}
