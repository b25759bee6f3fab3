package covet.engine.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.engine.state.StateReplayer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random sequences of valid operations: the optimized list replays to exactly the same schema, is never
 * longer, and is a fixed point. A failure names the seed, so it replays.
 */
class OptimizerPropertyTest {

    static List<Long> seeds() {
        return java.util.stream.LongStream.range(0, 400).boxed().toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void optimizedSequencesReplayToTheSameSchema(long seed) {
        RandomOperations gen = new RandomOperations(new Random(seed));
        Schema start = gen.startSchema();
        List<Operation> ops = gen.sequence(start, 5 + (int) (seed % 40));
        List<Operation> optimized = Optimizer.optimize(ops);
        String context = "seed " + seed + "\nin:  " + describe(ops) + "\nout: " + describe(optimized);
        assertTrue(optimized.size() <= ops.size(), context);
        assertEquals(replay(start, ops), replay(start, optimized), context);
        assertEquals(optimized, Optimizer.optimize(optimized), "not a fixed point; " + context);
    }

    @Test
    void theGeneratorMakesReducibleSequences() {
        // guards the property test itself: most random sequences must give the optimizer something to do
        int shorter = 0;
        for (long s = 0; s < 200; s++) {
            RandomOperations gen = new RandomOperations(new Random(s));
            Schema start = gen.startSchema();
            List<Operation> ops = gen.sequence(start, 30);
            if (Optimizer.optimize(ops).size() < ops.size()) {
                shorter++;
            }
        }
        assertTrue(shorter > 100, "only " + shorter + " of 200 random sequences were reduced");
    }

    private static Schema replay(Schema start, List<Operation> ops) {
        return StateReplayer.replay(start, new Migration("20260101_000000_random", null, List.of(), ops));
    }

    private static String describe(List<Operation> ops) {
        return ops.stream().map(Operation::describe).toList().toString();
    }
}
