package covet.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationGraphTest {

    private static Migration m(String id, String... deps) {
        return new Migration(id, null, List.of(deps), List.of(), "migrations/" + id + ".json");
    }

    private static List<String> ids(MigrationGraph g) {
        return g.order().stream().map(Migration::id).toList();
    }

    @Test
    void ordersByDependencyThenById() {
        MigrationGraph g = MigrationGraph.of(List.of(
                m("20260101_000003_c", "20260101_000004_d"),
                m("20260101_000001_a"),
                m("20260101_000004_d", "20260101_000001_a"),
                m("20260101_000002_b")));
        assertEquals(List.of("20260101_000001_a", "20260101_000002_b", "20260101_000004_d", "20260101_000003_c"),
                ids(g));
    }

    @Test
    void tiesAreBrokenByIdWhateverTheInputOrder() {
        List<Migration> one = List.of(m("20260101_000002_b"), m("20260101_000001_a"), m("20260101_000003_c"));
        List<Migration> other = List.of(m("20260101_000003_c"), m("20260101_000002_b"), m("20260101_000001_a"));
        assertEquals(ids(MigrationGraph.of(one)), ids(MigrationGraph.of(other)));
        assertEquals("20260101_000001_a", ids(MigrationGraph.of(one)).get(0));
    }

    @Test
    void missingDependencyNamesBothMigrations() {
        MissingDependencyException e = assertThrows(MissingDependencyException.class, () -> MigrationGraph.of(List.of(
                m("20260101_000001_a"), m("20260101_000002_b", "20260101_000009_gone"))));
        assertTrue(e.getMessage().contains("20260101_000002_b"), e.getMessage());
        assertTrue(e.getMessage().contains("20260101_000009_gone"), e.getMessage());
        assertTrue(e.getMessage().contains("migrations/20260101_000002_b.json"), e.getMessage());
    }

    @Test
    void cycleIsNamedInOrder() {
        MigrationCycleException e = assertThrows(MigrationCycleException.class, () -> MigrationGraph.of(List.of(
                m("20260101_000001_a"),
                m("20260101_000002_b", "20260101_000004_d"),
                m("20260101_000003_c", "20260101_000002_b"),
                m("20260101_000004_d", "20260101_000003_c"))));
        assertTrue(e.getMessage().contains(
                "20260101_000002_b -> 20260101_000004_d -> 20260101_000003_c -> 20260101_000002_b"), e.getMessage());
        assertTrue(!e.getMessage().contains("000001_a"), "a is not part of the cycle: " + e.getMessage());
    }

    @Test
    void selfDependencyIsACycle() {
        assertThrows(MigrationCycleException.class,
                () -> MigrationGraph.of(List.of(m("20260101_000001_a", "20260101_000001_a"))));
    }

    @Test
    void beforeListsPredecessorsInOrder() {
        MigrationGraph g = MigrationGraph.of(List.of(m("20260101_000001_a"), m("20260101_000002_b"),
                m("20260101_000003_c")));
        assertEquals(List.of("20260101_000001_a", "20260101_000002_b"),
                g.before("20260101_000003_c").stream().map(Migration::id).toList());
    }
}
