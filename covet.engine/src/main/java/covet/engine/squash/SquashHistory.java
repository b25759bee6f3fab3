package covet.engine.squash;

import covet.api.migration.Migration;
import covet.engine.history.HistoryTable;
import java.sql.Connection;
import java.sql.SQLException;

/** The history-table side of squashes, for the engine to call under the migration lock. */
public final class SquashHistory {
    private SquashHistory() {
    }

    /** After {@code reverted} was rolled back: removes the rows of the migrations it replaces, if any are there. */
    public static void forgetReplaced(Connection c, HistoryTable history, ReplacementIndex index, Migration reverted)
            throws SQLException {
        for (String replaced : index.replaces(reverted.id())) {
            history.delete(c, replaced, reverted.app());
        }
    }
}
