package covet.engine.verify;

import covet.api.CovetException;
import covet.api.IrreversibleOperationException;
import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.spi.Dialect;
import covet.api.spi.ScratchDatabase;
import covet.engine.history.HistoryTable;
import covet.engine.reverse.Reverser;
import covet.engine.run.RunListener;
import covet.engine.run.Runner;
import covet.engine.verify.VerifyResult.Outcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The reversibility proof: each migration is applied to a scratch database that holds every migration before it,
 * rolled back with the reverse operations {@code rollback} would run, and the schema read before and after is
 * compared. The migrations run through the real {@link Runner} and history table, so the proof covers the same SQL
 * and transactions as a real rollback. One scratch database serves a whole run; after a failed proof it is rebuilt,
 * so that each migration is checked on the schema it expects. The scratch database is always removed.
 */
public final class Verifier {
    private final Dialect dialect;
    private final String serverUrl;
    private final Properties properties;

    /**
     * @param serverUrl  where a server dialect creates its temporary database (the project's URL or a development
     *                   database's); SQLite works in memory and ignores it
     * @param properties connection properties (user, password)
     */
    public Verifier(Dialect dialect, String serverUrl, Properties properties) {
        this.dialect = dialect;
        this.serverUrl = serverUrl;
        this.properties = properties == null ? new Properties() : properties;
    }

    /**
     * Verifies the migrations named {@code ids}. {@code order} is every migration, dependencies first (the graph's
     * order); the scratch database is brought to the state just before each verified one by applying those ahead.
     */
    public List<VerifyResult> verify(List<Migration> order, Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        int last = -1;
        for (int i = 0; i < order.size(); i++) {
            if (wanted.contains(order.get(i).id())) {
                last = i;
            }
        }
        List<VerifyResult> results = new ArrayList<>();
        if (last < 0) {
            return results;
        }
        Scratch scratch = null;
        try {
            scratch = open();
            for (int i = 0; i <= last; i++) {
                Migration m = order.get(i);
                if (wanted.contains(m.id())) {
                    VerifyResult r = prove(scratch, m);
                    results.add(r);
                    if (r.outcome() == Outcome.NOT_RESTORED || r.outcome() == Outcome.FAILED) {
                        // the scratch no longer holds what the next migration expects: build it again
                        Scratch spent = scratch;
                        scratch = null;
                        spent.close();
                        scratch = open();
                        for (int j = 0; j < i; j++) {
                            applyBase(scratch, order.get(j));
                        }
                    }
                }
                applyBase(scratch, m);
            }
            Scratch done = scratch;
            scratch = null;
            done.close();
        } catch (BaseFailed e) {
            for (int i = 0; i <= last; i++) {
                String id = order.get(i).id();
                if (wanted.contains(id) && results.stream().noneMatch(r -> r.migrationId().equals(id))) {
                    results.add(new VerifyResult(id, Outcome.FAILED, e.getMessage(), null, null));
                }
            }
        } catch (SQLException e) {
            throw new CovetException(dialect.name() + ": the scratch database failed: " + e.getMessage(), e);
        } finally {
            if (scratch != null) {
                scratch.closeQuietly();
            }
        }
        return results;
    }

    private VerifyResult prove(Scratch scratch, Migration m) throws SQLException {
        try {
            Reverser.reverse(m);
        } catch (IrreversibleOperationException e) {
            return new VerifyResult(m.id(), Outcome.IRREVERSIBLE, "irreversible: " + e.getMessage(), null, null);
        }
        Schema before = scratch.schema();
        try {
            scratch.apply(m);
        } catch (CovetException | SQLException e) {
            return new VerifyResult(m.id(), Outcome.FAILED, "applying it failed on the scratch database: "
                    + e.getMessage(), null, null);
        }
        try {
            scratch.revert(m);
        } catch (CovetException | SQLException e) {
            return new VerifyResult(m.id(), Outcome.FAILED, "rolling it back failed on the scratch database: "
                    + e.getMessage(), null, null);
        }
        SchemaDifference diff = SchemaDifference.between(before, scratch.schema());
        if (diff.isEmpty()) {
            return new VerifyResult(m.id(), Outcome.RESTORED, "rollback restores the schema", null, null);
        }
        return new VerifyResult(m.id(), Outcome.NOT_RESTORED, "rollback does not restore the schema of "
                + String.join(", ", diff.tables()) + ": " + String.join("; ", diff.details()), diff.tables(),
                diff.details());
    }

    /** Applies a migration the proof stands on; if that fails, nothing after it can be proven. */
    private void applyBase(Scratch scratch, Migration m) throws SQLException {
        try {
            scratch.apply(m);
        } catch (CovetException | SQLException e) {
            throw new BaseFailed("could not build the schema it stands on: migration " + m.id()
                    + " failed on the scratch database: " + e.getMessage());
        }
    }

    private Scratch open() throws SQLException {
        ScratchDatabase db = dialect.createScratch(serverUrl, properties);
        try {
            Connection c = db.connection();
            c.setAutoCommit(!dialect.capabilities().transactionalDdl());
            HistoryTable history = new HistoryTable(dialect);
            history.ensure(c);
            if (!c.getAutoCommit()) {
                c.commit();
            }
            return new Scratch(db, history);
        } catch (SQLException | RuntimeException e) {
            try {
                db.close();
            } catch (SQLException closeFailed) {
                e.addSuppressed(closeFailed);
            }
            throw e;
        }
    }

    /** A scratch database with Covet's history table, on which migrations run as {@code migrate} runs them. */
    private final class Scratch {
        private final ScratchDatabase db;
        private final HistoryTable history;

        Scratch(ScratchDatabase db, HistoryTable history) {
            this.db = db;
            this.history = history;
        }

        Schema schema() throws SQLException {
            return HistoryTable.withoutOwnTables(dialect.introspector().introspect(db.connection()));
        }

        // a fresh Runner each time: its cached schema must come from the database, not from a lying reverse
        void apply(Migration m) throws SQLException {
            new Runner(dialect, db.connection(), history, RunListener.NONE).apply(m, null, false);
            commit();
        }

        void revert(Migration m) throws SQLException {
            new Runner(dialect, db.connection(), history, RunListener.NONE).revert(m, null, false);
            commit();
        }

        private void commit() throws SQLException {
            if (!db.connection().getAutoCommit()) {
                db.connection().commit();
            }
        }

        void close() throws SQLException {
            db.close();
        }

        void closeQuietly() {
            try {
                db.close();
            } catch (SQLException e) {
                // already closed after a rebuild, or the server dropped it: nothing left to remove
            }
        }
    }

    /** The scratch database could not be brought to the state a migration needs. */
    private static final class BaseFailed extends RuntimeException {
        BaseFailed(String message) {
            super(message, null, false, false);
        }
    }
}
