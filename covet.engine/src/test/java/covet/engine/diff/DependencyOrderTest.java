package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyOrderTest {
    private static final Map<String, List<String>> NEEDS = Map.of(
            "view:report", List.of("view:base", "table:film"),
            "view:base", List.of("table:film", "function:f()"),
            "trigger:film.t", List.of("function:f()", "table:film"));

    private static List<String> sort(List<String> keys) {
        return DependencyOrder.sort(keys, k -> k, k -> NEEDS.getOrDefault(k, List.of()), Comparator.naturalOrder());
    }

    @Test
    void dependenciesFirstThenTieOrder() {
        assertEquals(List.of("function:f()", "table:film", "trigger:film.t", "view:base", "view:report"),
                sort(List.of("view:report", "view:base", "table:film", "trigger:film.t", "function:f()")));
    }

    @Test
    void keysOutsideTheItemsAreAlreadyThere() {
        assertEquals(List.of("view:base", "view:report"), sort(List.of("view:report", "view:base")));
    }

    @Test
    void equalItemsKeepTheirInputOrder() {
        List<String> items = List.of("b", "a", "c");
        assertEquals(items, DependencyOrder.sort(items, k -> k, k -> List.of(), (x, y) -> 0));
    }

    @Test
    void aCycleIsBrokenAtItsLeastItem() {
        Map<String, List<String>> cyclic = Map.of("a", List.of("b"), "b", List.of("a"), "c", List.of("a"));
        assertEquals(List.of("a", "b", "c"), DependencyOrder.sort(List.of("c", "b", "a"), k -> k,
                cyclic::get, Comparator.naturalOrder()));
    }

    @Test
    void reverseDropsDependentsFirst() {
        assertEquals(List.of("view:report", "view:base", "trigger:film.t", "table:film", "function:f()"),
                DependencyOrder.reverse(List.of("view:base", "function:f()", "view:report", "table:film",
                        "trigger:film.t"), k -> k, k -> NEEDS.getOrDefault(k, List.of()), Comparator.naturalOrder()));
    }

    @Test
    void largeChainsSortQuickly() {
        int n = 20_000;
        List<Integer> items = java.util.stream.IntStream.range(0, n).boxed().toList();
        List<Integer> backwards = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(backwards);
        List<Integer> sorted = DependencyOrder.sort(backwards, i -> "k" + i,
                i -> i == 0 ? List.of() : List.of("k" + (i - 1)), Comparator.reverseOrder());
        assertEquals(items, sorted);
    }
}
