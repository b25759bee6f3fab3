package covet.engine.diff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one topological sort of the autodetector, over keys ({@code table:film}, {@code view:film_list}): tables,
 * objects and operations on them are put in an order where each comes after what it depends on. Among items free
 * at the same time the tie order decides, so the result is stable for equal inputs. A dependency on a key outside
 * the items is already satisfied; a cycle is broken at its least item by the tie order (callers that can break
 * cycles, such as foreign keys added afterwards, look at what is placed before each item).
 */
final class DependencyOrder {
    private DependencyOrder() {
    }

    /**
     * {@code items} ordered so that each follows the items whose keys it names in {@code dependsOn}; {@code tie}
     * orders items that could go at once (and falls back on the input position).
     */
    static <T> List<T> sort(List<T> items, Function<T, String> key, Function<T, Collection<String>> dependsOn,
                            Comparator<T> tie) {
        int n = items.size();
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byKey.computeIfAbsent(key.apply(items.get(i)), k -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> dependents = new ArrayList<>(n);
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (String needed : new java.util.LinkedHashSet<>(dependsOn.apply(items.get(i)))) {
                for (int j : byKey.getOrDefault(needed, List.of())) {
                    if (j != i) {
                        dependents.get(j).add(i);
                        waiting[i]++;
                    }
                }
            }
        }
        Comparator<Integer> order = (a, b) -> {
            int c = tie.compare(items.get(a), items.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        };
        PriorityQueue<Integer> ready = new PriorityQueue<>(order);
        TreeSet<Integer> unplaced = new TreeSet<>(order);
        for (int i = 0; i < n; i++) {
            unplaced.add(i);
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        List<T> result = new ArrayList<>(n);
        while (!unplaced.isEmpty()) {
            // a cycle: nothing is free, so the least waiting item goes first
            int next = ready.isEmpty() ? unplaced.first() : ready.poll();
            if (!unplaced.remove(next)) {
                continue;
            }
            result.add(items.get(next));
            for (int d : dependents.get(next)) {
                if (--waiting[d] == 0 && unplaced.contains(d)) {
                    ready.add(d);
                }
            }
        }
        return result;
    }

    /** The reverse of {@link #sort}: dependents before what they depend on, as drops need. */
    static <T> List<T> reverse(List<T> items, Function<T, String> key, Function<T, Collection<String>> dependsOn,
                               Comparator<T> tie) {
        List<T> sorted = new ArrayList<>(sort(items, key, dependsOn, tie));
        java.util.Collections.reverse(sorted);
        return sorted;
    }
}
