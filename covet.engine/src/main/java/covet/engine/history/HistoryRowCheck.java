package covet.engine.history;

import java.util.Set;

/**
 * Refuses a history row with values Covet never writes: an unknown status, a progress below 0 or above the total.
 * Such a row (a hand edit) would otherwise crash resuming (an index out of range) or read as done while nothing ran.
 */
final class HistoryRowCheck {
    private static final Set<String> STATUSES = Set.of(AppliedMigration.APPLIED, AppliedMigration.FAILED,
            AppliedMigration.RUNNING);

    private HistoryRowCheck() {
    }

    static AppliedMigration checked(AppliedMigration row) {
        String where = HistoryTable.NAME + " row id " + row.rowId() + " (migration " + row.name() + ", app "
                + row.app() + ")";
        String fix = "; Covet never writes this: correct or delete the row by hand, then run again";
        if (row.name() == null || row.app() == null) {
            throw new CorruptHistoryException(where + " has no " + (row.name() == null ? "name" : "app") + fix);
        }
        if (row.status() == null || !STATUSES.contains(row.status())) {
            throw new CorruptHistoryException(where + " has status " + (row.status() == null ? "NULL"
                    : "'" + row.status() + "'") + ", not " + String.join(", ", STATUSES.stream().sorted().toList())
                    + fix);
        }
        if (row.operationsTotal() < 0) {
            throw new CorruptHistoryException(where + " has operations_total " + row.operationsTotal() + fix);
        }
        if (row.operationsApplied() < 0 || row.operationsApplied() > row.operationsTotal()) {
            throw new CorruptHistoryException(where + " has operations_applied " + row.operationsApplied()
                    + ", outside 0.." + row.operationsTotal() + " (operations_total)" + fix);
        }
        return row;
    }
}
