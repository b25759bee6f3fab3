package covet.engine;

import covet.api.CovetException;
import covet.api.migration.Migration;
import covet.api.sql.SqlBuilder;
import covet.engine.checksum.Checksums;
import covet.engine.history.HistoryTable;
import covet.engine.run.ChecksumMismatchException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code covet repair}: re-records the checksum of every applied migration whose file changed (CHANGED), and
 * removes the history rows of migrations that FAILED part way once their effects are undone. A failed row whose
 * operations took no effect (0 applied) is removed; one with applied operations only when the user says they were
 * undone, since Covet cannot see that. Repeatable migrations are left to migrate, which re-runs them.
 */
public final class HistoryRepair {
    private HistoryRepair() {
    }

    /** What repair does to one row: re-record its checksum, remove it, or keep it and say why. */
    public enum Kind { REALIGN, REMOVE_FAILED, KEEP }

    /** One change repair makes (or, for {@link Kind#KEEP}, refuses to make), described for the user. */
    public record Action(String id, Kind kind, String what) {
        public boolean kept() {
            return kind == Kind.KEEP;
        }
    }

    /** What {@link #apply} would do, without changing anything. */
    public static List<Action> plan(Covet covet, boolean failedUndone) {
        List<Action> actions = new ArrayList<>();
        for (MigrationInfo i : HistoryAudit.info(covet)) {
            if (i.state().equals(MigrationInfo.CHANGED)) {
                actions.add(new Action(i.id(), Kind.REALIGN, "re-record the checksum of " + i.location() + ": "
                        + i.recordedChecksum() + " -> " + i.checksum()));
            } else if (i.state().equals(MigrationStatus.FAILED)) {
                if (i.operationsApplied() == 0 || failedUndone) {
                    actions.add(new Action(i.id(), Kind.REMOVE_FAILED, "remove the failed row (" + i.operationsApplied() + " of "
                            + i.operationsTotal() + " operations had taken effect"
                            + (i.operationsApplied() == 0 ? ")" : "; you said they are undone)")));
                } else {
                    actions.add(new Action(i.id(), Kind.KEEP, "keep the failed row: " + i.operationsApplied() + " of "
                            + i.operationsTotal() + " operations took effect. Undo them by hand and pass "
                            + "--failed-undone, or finish it with covet migrate"));
                }
            }
        }
        return actions;
    }

    /** Makes the changes of {@code plan} (its kept actions excepted) under the migration lock. */
    public static void apply(Covet covet, List<Action> plan) {
        covet.locked(false, (c, history, rows) -> {
            SqlBuilder sql = new SqlBuilder(covet.dialect()::quoteIdentifier);
            for (Action a : plan) {
                if (a.kept()) {
                    continue;
                }
                if (a.kind() == Kind.REMOVE_FAILED) {
                    history.delete(c, a.id(), covet.config().app());
                    continue;
                }
                Migration m = covet.graph().find(a.id()).orElseThrow(() -> new ChecksumMismatchException(
                        "no file declares " + a.id() + " any more; nothing was changed"));
                try (PreparedStatement ps = c.prepareStatement(sql.update(HistoryTable.NAME,
                        List.of("checksum", "operations_applied", "operations_total"), List.of("name", "app")))) {
                    ps.setString(1, Checksums.of(m));
                    ps.setInt(2, m.operations().size());
                    ps.setInt(3, m.operations().size());
                    ps.setString(4, a.id());
                    ps.setString(5, covet.config().app());
                    if (ps.executeUpdate() != 1) {
                        throw new CovetException("history row of " + a.id() + " changed while repairing");
                    }
                }
            }
            return null;
        });
    }
}
