package covet.engine.run;

import covet.api.CovetException;
import covet.api.SchemaStateException;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.operation.RunSQL;
import covet.api.spi.Introspector;
import covet.engine.history.HistoryTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The schema just before the next operation, for dialects that render from it (SQLite's rebuilds). Read from the
 * database only when a dialect first asks, then kept current by applying each operation to the model; after a
 * RunSQL, whose effect the model cannot know, it is read again on the next request.
 */
final class LiveSchema implements Supplier<Schema> {
    private final Connection connection;
    private final Introspector introspector;
    private Schema known;
    /** Sends statements still queued in a batch: a read of the database must see them. */
    private StatementBatch pending;

    LiveSchema(Connection connection, Introspector introspector) {
        this.connection = connection;
        this.introspector = introspector;
    }

    @Override
    public Schema get() {
        if (known == null) {
            try {
                if (pending != null) {
                    pending.flush();
                }
                known = HistoryTable.withoutOwnTables(introspector.introspect(connection));
            } catch (SQLException e) {
                throw new CovetException("cannot read the current schema: " + e.getMessage(), e);
            }
        }
        return known;
    }

    void flushBefore(StatementBatch batch) {
        this.pending = batch;
    }

    void applied(Operation op) {
        if (known == null) {
            return;
        }
        if (op instanceof RunSQL) {
            known = null;
            return;
        }
        try {
            known = op.applyTo(known);
        } catch (SchemaStateException e) {
            known = null;
        }
    }
}
