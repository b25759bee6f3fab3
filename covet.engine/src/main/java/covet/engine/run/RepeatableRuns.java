package covet.engine.run;

import covet.api.migration.Migration;
import covet.api.migration.Repeatables;
import covet.engine.checksum.Checksums;
import covet.engine.history.AppliedMigration;
import java.util.ArrayList;
import java.util.List;

/**
 * How repeatable migrations ({@link Repeatables}) run: after every versioned one, and again whenever their checksum
 * differs from the one recorded at their latest run. A re-run keeps their single history row (the table's
 * (name, app) key allows no second one): the runner takes it as a migration that failed before its first operation,
 * so it runs every statement and then writes the new checksum, time and duration into that row.
 */
public final class RepeatableRuns {
    private RepeatableRuns() {
    }

    /** {@code order} with the repeatable migrations moved to the end, each group in its own order. */
    public static List<Migration> last(List<Migration> order) {
        List<Migration> out = new ArrayList<>(order.size());
        order.stream().filter(m -> !Repeatables.isRepeatable(m)).forEach(out::add);
        order.stream().filter(Repeatables::isRepeatable).forEach(out::add);
        return out;
    }

    /** True for a repeatable migration whose file changed since its recorded run. */
    public static boolean outdated(Migration m, AppliedMigration row) {
        return Repeatables.isRepeatable(m) && row != null && row.complete()
                && !Checksums.of(m).equals(row.checksum());
    }

    /** The row the runner resumes from to run {@code row}'s migration again from its first operation. */
    public static AppliedMigration rerunFrom(AppliedMigration row) {
        return new AppliedMigration(row.rowId(), row.name(), row.app(), row.appliedAt(), row.checksum(),
                row.executionMs(), 0, row.operationsTotal(), AppliedMigration.FAILED);
    }
}
