package covet.engine.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements queued and sent as one JDBC batch (one round trip on pgjdbc instead of one per statement), where the
 * dialect says they return no rows. Inside a transaction pgjdbc marks every entry of a failed batch EXECUTE_FAILED,
 * so a failure does not say which entry broke: {@link BatchFailed} carries the entries, and the runner finds the one
 * by replaying them one by one after the rollback.
 */
final class StatementBatch {
    /** One queued statement and the operation it belongs to. */
    record Entry(String sql, Object owner) {
    }

    /** The batch was refused: {@code entries} were sent, one of them failed with {@code error}. */
    static final class BatchFailed extends RuntimeException {
        final List<Entry> entries;
        final SQLException error;

        BatchFailed(List<Entry> entries, SQLException error) {
            super(error.getMessage(), error);
            this.entries = entries;
            this.error = error;
        }
    }

    private final Connection connection;
    private final List<Entry> queued = new ArrayList<>();
    private final List<Entry> sent = new ArrayList<>();

    StatementBatch(Connection connection) {
        this.connection = connection;
    }

    void add(String sql, Object owner) {
        queued.add(new Entry(sql, owner));
    }

    /** The entries sent successfully since the last call, in order. */
    List<Entry> takeSent() {
        List<Entry> done = List.copyOf(sent);
        sent.clear();
        return done;
    }

    /** Sends what is queued; throws {@link BatchFailed} when the database refuses one of the statements. */
    void flush() throws SQLException {
        if (queued.isEmpty()) {
            return;
        }
        List<Entry> batch = List.copyOf(queued);
        queued.clear();
        try (Statement s = connection.createStatement()) {
            try {
                if (batch.size() == 1) {
                    s.execute(batch.get(0).sql());
                } else {
                    for (Entry e : batch) {
                        s.addBatch(e.sql());
                    }
                    s.executeBatch();
                }
            } catch (SQLException e) {
                // pgjdbc's BatchUpdateException says "Batch entry N ... was aborted"; the server's error is the next
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                throw new BatchFailed(batch, cause);
            }
        }
        sent.addAll(batch);
    }
}
