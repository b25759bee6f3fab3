package covet.engine.graph;

import covet.api.migration.Migration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The dependency graph of a set of migrations, and its order: topological, ties broken by id (Kahn's algorithm with
 * a priority queue), so every machine applies the same migrations in the same order.
 */
public final class MigrationGraph {
    private final Map<String, Migration> byId;
    private final List<Migration> order;

    private MigrationGraph(Map<String, Migration> byId, List<Migration> order) {
        this.byId = byId;
        this.order = order;
    }

    /** Builds the graph; a missing dependency or a cycle is an error naming the migrations. */
    public static MigrationGraph of(List<Migration> migrations) {
        Map<String, Migration> byId = new LinkedHashMap<>();
        for (Migration m : migrations) {
            byId.put(m.id(), m);
        }
        Map<String, List<String>> dependents = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (Migration m : migrations) {
            pending.put(m.id(), 0);
        }
        for (Migration m : migrations) {
            for (String dep : new HashSet<>(m.dependencies())) {
                if (!byId.containsKey(dep)) {
                    throw new MissingDependencyException("migration " + m.id() + " (" + m.where()
                            + ") depends on " + dep + ", which no migration file declares");
                }
                dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(m.id());
                pending.merge(m.id(), 1, Integer::sum);
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        pending.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        List<Migration> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(byId.get(id));
            for (String next : dependents.getOrDefault(id, List.of())) {
                if (pending.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() < byId.size()) {
            throw new MigrationCycleException("migrations depend on each other in a cycle: "
                    + String.join(" -> ", findCycle(byId, pending)));
        }
        return new MigrationGraph(byId, List.copyOf(order));
    }

    /**
     * A migration that names itself as a dependency is refused as what it is: the graph would otherwise drop the
     * edge (as it does for a squash redirected onto itself) and report the file as a second branch, or not at all.
     */
    public static void refuseSelfDependencies(List<Migration> migrations) {
        for (Migration m : migrations) {
            if (m.dependencies().contains(m.id())) {
                throw new MigrationCycleException("migration " + m.id() + " (" + m.where()
                        + ") depends on itself: remove its own id from its dependencies");
            }
        }
    }

    /** Every migration, dependencies first, ties by id. */
    public List<Migration> order() {
        return order;
    }

    public Optional<Migration> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The migrations that come before {@code id} in {@link #order()}. */
    public List<Migration> before(String id) {
        List<Migration> result = new ArrayList<>();
        for (Migration m : order) {
            if (m.id().equals(id)) {
                return result;
            }
            result.add(m);
        }
        throw new IllegalArgumentException("no migration " + id);
    }

    /** One cycle among the migrations Kahn's algorithm could not order, as a closed path of ids. */
    private static List<String> findCycle(Map<String, Migration> byId, Map<String, Integer> pending) {
        Set<String> stuck = new HashSet<>();
        pending.forEach((id, n) -> {
            if (n > 0) {
                stuck.add(id);
            }
        });
        String start = stuck.stream().sorted().findFirst().orElseThrow();
        Deque<String> path = new ArrayDeque<>();
        Set<String> onPath = new HashSet<>();
        String current = start;
        while (!onPath.contains(current)) {
            path.addLast(current);
            onPath.add(current);
            current = byId.get(current).dependencies().stream().filter(stuck::contains).sorted().findFirst()
                    .orElseThrow();
        }
        List<String> cycle = new ArrayList<>();
        boolean in = false;
        for (String id : path) {
            in |= id.equals(current);
            if (in) {
                cycle.add(id);
            }
        }
        cycle.add(current);
        return cycle;
    }
}
