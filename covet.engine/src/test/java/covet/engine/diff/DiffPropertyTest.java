package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.engine.questioner.Questioner;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * For pairs of random schemas: the diff takes one to the other through states the database would accept, its
 * reverse takes it back the same way, and nothing is left to do afterwards.
 */
class DiffPropertyTest {
    private static final Autodetector PLAIN = new Autodetector(s -> s, Questioner.NO_RENAMES);
    private static final int PAIRS = 1000;

    @Test
    void diffsRunBothWaysAndLeaveNothingToDo() {
        RandomSchemas schemas = new RandomSchemas(14);
        for (int i = 0; i < PAIRS; i++) {
            Schema a = schemas.next();
            Schema b = schemas.next();
            int n = i;
            Supplier<String> pair = () -> "pair " + n + ":\n  from " + a + "\n  to   " + b;
            List<Operation> ops = PLAIN.diff(a, b);
            Schema forward = ModelChecks.apply(a, ops);
            ModelChecks.assertSameSchema(b, forward, pair);
            ModelChecks.assertSameSchema(a, ModelChecks.apply(b, ModelChecks.reverse(ops)), pair);
            assertEquals(List.of(), PLAIN.diff(forward, b), pair);
        }
    }

    @Test
    void aSchemaAgainstItselfGivesNothing() {
        RandomSchemas schemas = new RandomSchemas(15);
        for (int i = 0; i < 500; i++) {
            Schema a = schemas.next();
            assertTrue(PLAIN.diff(a, a).isEmpty(), a.toString());
            ModelChecks.apply(a, List.of());
        }
    }
}
