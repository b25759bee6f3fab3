package covet.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.IrreversibleOperationException;
import covet.api.migration.Migration;
import covet.api.model.EnumType;
import covet.api.model.Exclusion;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateObject;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.Operation;
import covet.engine.reverse.Reverser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rollback checks every operation it would revert before it touches the database (Covet.revert reverses all of
 * them first): a new operation without what restores it is refused with the reason, the others reverse.
 */
class RollbackRefusalTest {
    static final EnumType MOOD = EnumType.of("mood", "ok");

    static Migration of(Operation... ops) {
        return new Migration("20260101_000002_change", null, List.of(), List.of(ops));
    }

    @Test
    void anOperationWithoutItsPreviousStateIsRefusedNamingWhy() {
        IrreversibleOperationException e = assertThrows(IrreversibleOperationException.class, () -> Reverser
                .reverse(of(new CreateObject(MOOD), new AlterObject(EnumType.of("mood", "ok", "sad"), null))));
        assertTrue(e.getMessage().contains("operation 2 of 2") && e.getMessage().contains("no previous definition")
                && e.getMessage().contains("Nothing was changed"), e.getMessage());
        e = assertThrows(IrreversibleOperationException.class, () -> Reverser.reverse(of(
                new AlterTable("films", "c", Map.of(), null, null))));
        assertTrue(e.getMessage().contains("carries no previous comment and options"), e.getMessage());
        assertThrows(IrreversibleOperationException.class, () -> Reverser.reverse(of(
                new DropPrimaryKey("films", null))));
        assertThrows(IrreversibleOperationException.class, () -> Reverser.reverse(of(
                new DropExclusion("films", "ex", null))));
    }

    @Test
    void theOthersReverseInReverseOrder() {
        Exclusion ex = new Exclusion("ex", "EXCLUDE USING gist (id WITH =)");
        Partition p = new Partition("payment", "DEFAULT");
        assertEquals(List.of(new AlterTable("films", null, Map.of(), "c", Map.of("unlogged", "true")),
                new DropExclusion("films", "ex", ex), new DropPrimaryKey("films", PrimaryKey.of("id")),
                new CreateObject(MOOD), new covet.api.operation.DetachPartition("payment_p", p)),
                Reverser.reverse(of(new AttachPartition("payment_p", p), new DropObject(MOOD),
                        new AddPrimaryKey("films", PrimaryKey.of("id")), new AddExclusion("films", ex),
                        new AlterTable("films", "c", Map.of("unlogged", "true"), null, Map.of()))));
    }
}
