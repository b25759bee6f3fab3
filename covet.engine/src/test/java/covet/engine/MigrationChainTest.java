package covet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.model.EnumType;
import covet.api.model.ObjectKind;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.View;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.engine.source.DesiredSchema;
import covet.engine.state.StateReplayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A migration too large for one transaction becomes a chain in the same order; what is left out is named. */
class MigrationChainTest {

    static Migration tables(int n) {
        List<Operation> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ops.add(new CreateTable(Table.of("t" + i, List.of(Column.of("id", "integer")), PrimaryKey.of("id"))));
        }
        return new Migration("20260101_120000_initial", "shop", List.of("20251231_000000_base"), ops);
    }

    @Test
    void aMigrationWithinTheLimitStaysWhole() {
        Migration m = tables(500);
        assertEquals(List.of(m), MigrationChain.split(m, 500));
    }

    @Test
    void aLargerOneIsAChainInOrderEachDependingOnTheOneBefore() {
        Migration m = tables(1201);
        List<Migration> chain = MigrationChain.split(m, 500);
        assertEquals(List.of("20260101_120000_initial_part1", "20260101_120001_initial_part2",
                "20260101_120002_initial_part3"), chain.stream().map(Migration::id).toList());
        assertEquals(List.of(500, 500, 201), chain.stream().map(x -> x.operations().size()).toList());
        assertEquals(List.of(List.of("20251231_000000_base"), List.of("20260101_120000_initial_part1"),
                List.of("20260101_120001_initial_part2")), chain.stream().map(Migration::dependencies).toList());
        assertEquals(m.operations(), chain.stream().flatMap(x -> x.operations().stream()).toList());
        chain.forEach(x -> assertEquals("shop", x.app()));
        assertEquals(StateReplayer.replay(Schema.EMPTY, m), StateReplayer.replay(Schema.EMPTY, chain));
    }

    @Test
    void aPartContinuesOnlyThePartBeforeIt() {
        List<Migration> chain = MigrationChain.split(tables(3), 1);
        assertEquals(true, MigrationChain.continues(chain.get(0), chain.get(1)));
        assertEquals(false, MigrationChain.continues(chain.get(0), chain.get(2)));
        assertEquals(false, MigrationChain.continues(chain.get(1), chain.get(0)));
        assertEquals(false, MigrationChain.continues(tables(1), chain.get(0)));
    }

    @Test
    void theLimitIsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> MigrationChain.split(tables(2), 0));
    }

    @Test
    void objectsOfKindsTheDialectDoesNotManageAreNamedAndLeftOut() {
        EnumType mood = EnumType.of("mood", "ok");
        View v = new View("films", "SELECT 1", null, List.of());
        DesiredSchema wanted = new DesiredSchema(new Schema(List.of(), List.of(mood, v)),
                List.of("aggregate public.group_concat(text)"));
        DesiredSchema managed = wanted.managedBy(Set.of(ObjectKind.ENUM));
        assertEquals(List.of(mood), managed.schema().objects());
        assertEquals(List.of("aggregate public.group_concat(text)", "view films"), managed.unmanaged());
        assertEquals(wanted, wanted.managedBy(Set.of(ObjectKind.values())));
    }
}
