package covet.engine.squash;

import covet.api.migration.Migration;
import java.util.List;

/**
 * A squash to write: the new migration, the ids it replaces (for its {@code .replaces} sidecar), and the range it
 * was made from.
 */
public record SquashPlan(Migration squashed, List<String> replaces, List<Migration> range) {

    public SquashPlan {
        replaces = List.copyOf(replaces);
        range = List.copyOf(range);
    }

    /** How many operations the range had; the squash has {@code squashed().operations().size()}. */
    public int operationsBefore() {
        return range.stream().mapToInt(m -> m.operations().size()).sum();
    }
}
