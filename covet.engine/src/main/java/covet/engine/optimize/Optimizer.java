package covet.engine.optimize;

import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Django's optimizer: a fixed-point pass over pairs of operations. For each operation it looks ahead for a later
 * one it reduces with ({@link ReductionRules}). A reduction across operations in between is made only when one of
 * the pair commutes with every one of them ({@link Footprint}: neither writes what the other reads or writes), so
 * that one can move next to the other first. Each reduction makes the list shorter, so the loop ends; the result
 * leaves the schema model exactly as the input does.
 */
public final class Optimizer {
    private final ReductionRules rules;

    public Optimizer(ReductionRules rules) {
        this.rules = rules;
    }

    /** The operations with every reduction of the standard rules applied until none applies. */
    public static List<Operation> optimize(List<Operation> operations) {
        return new Optimizer(ReductionRules.standard()).run(operations);
    }

    public List<Operation> run(List<Operation> operations) {
        List<Operation> ops = new ArrayList<>(operations);
        List<Footprint> prints = new ArrayList<>(ops.stream().map(Footprints::of).toList());
        while (reduceOnce(ops, prints)) {
            // each pass removes at least one operation
        }
        return List.copyOf(ops);
    }

    /**
     * Applies the first reduction found, leftmost first; false when there is none. The reduced operation takes the
     * first one's place when every operation in between commutes with the second (which moves left), or the second
     * one's place when every one in between commutes with the first (which moves right).
     */
    private boolean reduceOnce(List<Operation> ops, List<Footprint> prints) {
        for (int i = 0; i < ops.size(); i++) {
            for (int j = i + 1; j < ops.size(); j++) {
                Optional<List<Operation>> reduced = rules.reduce(ops.get(i), ops.get(j));
                if (reduced.isEmpty()) {
                    continue;
                }
                if (commutesBetween(prints, i, j, prints.get(j))) {
                    replace(ops, prints, i, j, i, reduced.get());
                    return true;
                }
                if (commutesBetween(prints, i, j, prints.get(i))) {
                    replace(ops, prints, i, j, j - 1, reduced.get());
                    return true;
                }
            }
        }
        return false;
    }

    /** True when no operation strictly between i and j conflicts with {@code moved}. */
    private static boolean commutesBetween(List<Footprint> prints, int i, int j, Footprint moved) {
        for (int k = i + 1; k < j; k++) {
            if (prints.get(k).conflictsWith(moved)) {
                return false;
            }
        }
        return true;
    }

    /** Removes the pair and puts the result at {@code at} (an index in the list without the pair). */
    private static void replace(List<Operation> ops, List<Footprint> prints, int i, int j, int at,
                                List<Operation> result) {
        ops.remove(j);
        prints.remove(j);
        ops.remove(i);
        prints.remove(i);
        for (int k = result.size() - 1; k >= 0; k--) {
            ops.add(at, result.get(k));
            prints.add(at, Footprints.of(result.get(k)));
        }
    }
}
