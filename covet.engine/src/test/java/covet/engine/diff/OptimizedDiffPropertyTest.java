package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.engine.optimize.Optimizer;
import covet.engine.questioner.Questioner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What makemigrations writes is the optimized diff: it must still run step by step (every foreign key after the key
 * it references, every object after what it needs) and its reverse must bring the first schema back.
 */
class OptimizedDiffPropertyTest {

    @Test
    void optimizedDiffsRunForwardAndBackward() {
        Autodetector diff = new Autodetector(s -> s, Questioner.NO_RENAMES);
        RandomSchemas schemas = new RandomSchemas(99);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Schema a = schemas.next();
            Schema b = schemas.next();
            List<Operation> ops = Optimizer.optimize(diff.diff(a, b));
            try {
                ModelChecks.assertSameSchema(b, ModelChecks.apply(a, ops), "forward");
                ModelChecks.assertSameSchema(a, ModelChecks.apply(b, ModelChecks.reverse(ops)), "backward");
            } catch (AssertionError e) {
                if (failures.size() < 3) {
                    failures.add("pair " + i + ": " + e.getMessage() + "\n  "
                            + ops.stream().map(Operation::describe).toList());
                } else {
                    failures.add("pair " + i);
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of 2000 optimized diffs do not run");
    }
}
