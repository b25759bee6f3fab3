package covet.engine.run;

import covet.api.SchemaStateException;
import covet.api.migration.JavaMigration;
import covet.api.migration.Migration;
import covet.api.operation.Operation;
import covet.api.operation.RunJava;
import covet.api.operation.RunSQL;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import covet.engine.checksum.Checksums;
import covet.engine.history.AppliedMigration;
import covet.engine.history.HistoryTable;
import covet.engine.reverse.Reverser;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies and reverts migrations on a connection that already holds the migration lock. How a migration commits
 * follows the dialect's capabilities:
 * <ul>
 *   <li>one transaction for the run, a savepoint per migration (SQLite: the write transaction is the lock);</li>
 *   <li>a transaction per migration, committed with its history row (PostgreSQL);</li>
 *   <li>no transactional DDL (MySQL): the history row is written before the first operation and its progress
 *       after each one, so a failure says exactly what was applied and a rerun resumes there.</li>
 * </ul>
 * A grouped run ({@code migrate --group}) puts every migration of the run in one transaction, committed by the
 * caller at the end: a failure rolls back all of them, history rows included. Only transactional DDL allows it,
 * see {@link #checkGroupable}.
 */
public final class Runner {
    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
    private final Dialect dialect;
    private final Connection connection;
    private final HistoryTable history;
    private Capabilities caps;
    private final LiveSchema live;
    private final RunListener listener;

    private final Map<String, JavaMigration> javaCode;
    private final boolean grouped;

    public Runner(Dialect dialect, Connection connection, HistoryTable history, RunListener listener) {
        this(dialect, connection, history, listener, Map.of());
    }

    /** {@code javaMigrations}: the Java data migrations by class name, for {@link RunJava} operations. */
    public Runner(Dialect dialect, Connection connection, HistoryTable history, RunListener listener,
                  Map<String, JavaMigration> javaMigrations) {
        this(dialect, connection, history, listener, javaMigrations, false);
    }

    /**
     * {@code grouped}: every migration this runner applies or reverts joins one transaction that the caller commits
     * (and that a failure rolls back whole); check the migrations with {@link #checkGroupable} first.
     */
    public Runner(Dialect dialect, Connection connection, HistoryTable history, RunListener listener,
                  Map<String, JavaMigration> javaMigrations, boolean grouped) {
        this.grouped = grouped;
        this.javaCode = javaMigrations;
        this.dialect = dialect;
        this.connection = connection;
        this.history = history;
        this.caps = dialect.capabilities();
        this.live = new LiveSchema(connection, dialect.introspector());
        this.listener = listener;
    }

    /**
     * Refuses a grouped run that could not be all-or-nothing: on a database whose DDL commits by itself (MySQL,
     * MariaDB), or when one of {@code migrations} must run outside a transaction (PostgreSQL's CONCURRENTLY).
     * Called before anything runs, so the refusal changes nothing.
     */
    public static void checkGroupable(Dialect dialect, List<Migration> migrations) {
        if (!dialect.capabilities().transactionalDdl()) {
            throw new GroupRefusedException("a grouped run (--group, group: true) is all or nothing, but "
                    + dialect.name() + " commits each DDL statement by itself, so a failure could not undo the "
                    + "migrations before it; run migrate without --group (each migration then records its "
                    + "progress per operation). Nothing was changed.");
        }
        for (Migration m : migrations) {
            for (Operation op : m.operations()) {
                if (dialect.runsOutsideTransaction(op)) {
                    throw new GroupRefusedException("a grouped run (--group, group: true) puts all pending "
                            + "migrations in one transaction, but migration " + m.id() + " (" + m.where() + ") "
                            + op.describe() + " cannot run inside a transaction; run migrate without --group, or"
                            + " migrate up to the migration before it with --group first. No migration was run.");
                }
            }
        }
    }

    /** Applies {@code migration}; with a {@code partial} row (RUNNING/FAILED), resumes after its recorded operations. */
    public MigrationResult apply(Migration migration, AppliedMigration partial, boolean fake) throws SQLException {
        manualCommit();
        if (!fake && !grouped && outsideTransaction(migration, migration.operations())) {
            return outside(() -> applyInside(migration, partial, false));
        }
        return applyInside(migration, partial, fake);
    }

    private MigrationResult applyInside(Migration migration, AppliedMigration partial, boolean fake)
            throws SQLException {
        RunningStatements.process().checkNotInterrupted("migration " + migration.id());
        long start = System.nanoTime();
        List<Operation> ops = migration.operations();
        int startAt = partial == null ? 0 : AppliedMigration.RUNNING.equals(partial.status())
                ? alreadyInEffect(ops, partial.operationsApplied()) : partial.operationsApplied();
        String checksum = Checksums.of(migration);
        List<String> executed = new ArrayList<>();
        listener.beforeMigration(migration, MigrationResult.APPLY);
        Savepoint savepoint = caps.singleTransactionRun() && !grouped ? connection.setSavepoint() : null;
        boolean rowFirst = !caps.transactionalDdl() && !fake && !ops.isEmpty();
        try {
            if (rowFirst && partial != null && startAt > partial.operationsApplied()) {
                history.updateProgress(connection, migration.id(), migration.app(), checksum, startAt,
                        startAt == ops.size() ? AppliedMigration.APPLIED : AppliedMigration.RUNNING, 0);
            }
            if (rowFirst && partial == null) {
                history.insert(connection, migration.id(), migration.app(), checksum, 0, 0, ops.size(),
                        AppliedMigration.RUNNING);
            }
            StatementBatch batch = batchable(ops, rowFirst || fake) ? new StatementBatch(connection) : null;
            replay.clear();
            live.flushBefore(batch);
            for (int i = startAt; i < ops.size() && !fake; i++) {
                execute(migration, i, ops.get(i), executed, rowFirst ? Progress.APPLYING : Progress.ATOMIC, batch);
                if (rowFirst) {
                    boolean last = i == ops.size() - 1;
                    history.updateProgress(connection, migration.id(), migration.app(), checksum, i + 1,
                            last ? AppliedMigration.APPLIED : AppliedMigration.RUNNING, millisSince(start));
                }
            }
            flush(batch, executed, Progress.ATOMIC);
            live.flushBefore(null);
            if (!fake) {
                dialect.checkIntegrity(connection);
            }
            if (!rowFirst) {
                if (partial != null) {
                    history.delete(connection, migration.id(), migration.app());
                }
                history.insert(connection, migration.id(), migration.app(), checksum, millisSince(start),
                        ops.size(), ops.size(), AppliedMigration.APPLIED);
            }
            finish(savepoint);
        } catch (SQLException e) {
            live.flushBefore(null);
            undoTransaction(savepoint);
            throw e;
        } catch (RuntimeException e) {
            live.flushBefore(null);
            undoTransaction(savepoint);
            listener.onFailure(migration, e);
            throw e;
        }
        MigrationResult result = new MigrationResult(migration.id(), migration.app(), MigrationResult.APPLY, fake,
                executed, millisSince(start));
        listener.afterMigration(result);
        return result;
    }

    /** Reverts the applied operations of {@code migration} (all of them unless {@code row} says fewer). */
    public MigrationResult revert(Migration migration, AppliedMigration row, boolean fake) throws SQLException {
        return revert(migration, row, fake, List.of());
    }

    /**
     * Reverts {@code migration}; {@code replaced} are the ids a squash stands for, whose history rows go in the
     * same transaction as its own.
     */
    public MigrationResult revert(Migration migration, AppliedMigration row, boolean fake, List<String> replaced)
            throws SQLException {
        manualCommit();
        if (!fake && !grouped && outsideTransaction(migration, Reverser.reverse(migration))) {
            return outside(() -> revertInside(migration, row, false, replaced));
        }
        return revertInside(migration, row, fake, replaced);
    }

    /** Transactional DDL runs in manual-commit mode; the caller may have read the history in autocommit. */
    private void manualCommit() throws SQLException {
        if (caps.transactionalDdl() && connection.getAutoCommit()) {
            connection.setAutoCommit(false);
        }
    }

    private interface Step {
        MigrationResult run() throws SQLException;
    }

    /**
     * True when a transactional database must run this migration's operations outside a transaction. Such an
     * operation must be alone in its migration: otherwise the others could not be rolled back with it.
     */
    private boolean outsideTransaction(Migration migration, List<Operation> ops) {
        if (!caps.transactionalDdl() || caps.singleTransactionRun()
                || ops.stream().noneMatch(dialect::runsOutsideTransaction)) {
            return false;
        }
        if (ops.size() > 1) {
            throw new StatementFailedException("migration " + migration.id() + " (" + migration.where() + "): "
                    + ops.stream().filter(dialect::runsOutsideTransaction).findFirst().orElseThrow().describe()
                    + " cannot run inside a transaction, so it must be the only operation of its migration; move "
                    + "the other " + (ops.size() - 1) + " operation(s) to a migration of their own. Nothing of this"
                    + " migration was run.", migration.id(), 0, null, null);
        }
        return true;
    }

    /** Runs {@code step} in autocommit mode, then returns to the runner's transaction mode. */
    private MigrationResult outside(Step step) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
        try {
            return withoutTransactions(step);
        } finally {
            try {
                connection.setAutoCommit(false);
            } catch (SQLException ignored) {
                // a dropped connection: the failure being reported says more
            }
        }
    }

    /** Runs {@code step} the way a database without transactional DDL is run: progress recorded per operation. */
    private MigrationResult withoutTransactions(Step step) throws SQLException {
        Capabilities saved = caps;
        caps = new Capabilities(false, false, saved.partialIndexes(), saved.expressionIndexes(),
                saved.checkConstraints(), saved.alterColumnInPlace());
        try {
            return step.run();
        } finally {
            caps = saved;
        }
    }

    private MigrationResult revertInside(Migration migration, AppliedMigration row, boolean fake,
                                         List<String> replaced) throws SQLException {
        RunningStatements.process().checkNotInterrupted("the revert of migration " + migration.id());
        long start = System.nanoTime();
        int applied = row == null ? migration.operations().size()
                : Math.min(row.operationsApplied(), migration.operations().size());
        List<Operation> undo = Reverser.reverse(migration, applied);
        listener.beforeMigration(migration, MigrationResult.REVERT);
        List<String> executed = new ArrayList<>();
        Savepoint savepoint = caps.singleTransactionRun() && !grouped ? connection.setSavepoint() : null;
        boolean stepwise = !caps.transactionalDdl();
        String checksum = Checksums.of(migration);
        try {
            for (int i = 0; i < undo.size() && !fake; i++) {
                int original = applied - 1 - i;
                execute(migration, original, undo.get(i), executed, stepwise ? Progress.REVERTING : Progress.ATOMIC,
                        null);
                if (stepwise && i < undo.size() - 1) {
                    history.updateProgress(connection, migration.id(), migration.app(), checksum, original,
                            AppliedMigration.FAILED, millisSince(start));
                }
            }
            if (!fake) {
                dialect.checkIntegrity(connection);
            }
            history.delete(connection, migration.id(), migration.app());
            for (String id : replaced) {
                history.delete(connection, id, migration.app());
            }
            finish(savepoint);
        } catch (SQLException e) {
            undoTransaction(savepoint);
            throw e;
        } catch (RuntimeException e) {
            undoTransaction(savepoint);
            listener.onFailure(migration, e);
            throw e;
        }
        MigrationResult result = new MigrationResult(migration.id(), migration.app(), MigrationResult.REVERT, fake,
                executed, millisSince(start));
        listener.afterMigration(result);
        return result;
    }

    /**
     * Where a migration whose run was killed (its row still RUNNING, not FAILED) resumes. A database without
     * transactional DDL finishes a DDL statement even when its client dies, so a kill between an operation and its progress update leaves the operation in effect
     * but unrecorded. When the recorded next operation no longer applies to the live schema (its table, column or
     * index is already there, or already gone), it took effect: resume after it. RunSQL and RunJava cannot be
     * checked and are run again. A FAILED row is never second-guessed: its operation reported an error.
     */
    private int alreadyInEffect(List<Operation> ops, int recorded) {
        if (recorded >= ops.size() || ops.get(recorded) instanceof RunSQL || ops.get(recorded) instanceof RunJava) {
            return recorded;
        }
        try {
            ops.get(recorded).applyTo(live.get());
            return recorded;
        } catch (SchemaStateException inEffect) {
            LOG.info("operation {} ({}) is already in effect; resuming after it", recorded + 1,
                    ops.get(recorded).describe());
            return recorded + 1;
        }
    }

    /** How a failure leaves the database, which the error message must say. */
    private enum Progress { ATOMIC, APPLYING, REVERTING }

    /** An operation whose statements are queued in the batch: reported done once the batch ran. */
    private record Queued(Migration migration, int index, Operation op, List<String> statements) {
    }

    private final List<Queued> queued = new ArrayList<>();
    /** Every statement the current batched migration sent, in order, to find a failed batch's culprit. */
    private final List<StatementBatch.Entry> replay = new ArrayList<>();

    /**
     * Whether a migration's statements may go in batches: an atomic migration (its transaction rolls all of it back)
     * of the dialect's own statements only. A user's RunSQL or Java code could have effects outside the transaction,
     * and finding which statement of a failed batch broke replays the migration (see {@link #culprit}). Not in a
     * grouped run, whose rollback takes the migrations before with it.
     */
    private boolean batchable(List<Operation> ops, boolean notAtomic) {
        return !notAtomic && !grouped && caps.transactionalDdl() && !caps.singleTransactionRun()
                && ops.stream().noneMatch(op -> op instanceof RunSQL || op instanceof RunJava);
    }

    /** Sends the queued statements; a refused one is reported as its operation's failure, as if sent alone. */
    private void flush(StatementBatch batch, List<String> executed, Progress progress) throws SQLException {
        if (batch == null) {
            return;
        }
        try {
            batch.flush(); // may have been sent already, by a read of the live schema
        } catch (StatementBatch.BatchFailed f) {
            throw batchFailure(batch, f, executed, progress);
        }
        sent(batch, executed);
        for (Queued q : queued) {
            listener.afterOperation(q.migration(), q.index(), q.op(), q.statements());
        }
        queued.clear();
    }

    private void sent(StatementBatch batch, List<String> executed) {
        for (StatementBatch.Entry e : batch.takeSent()) {
            executed.add(e.sql());
            replay.add(e);
        }
    }

    private StatementFailedException batchFailure(StatementBatch batch, StatementBatch.BatchFailed f,
                                                  List<String> executed, Progress progress) {
        sent(batch, executed);
        queued.clear();
        List<StatementBatch.Entry> all = new ArrayList<>(replay);
        all.addAll(f.entries);
        replay.clear();
        StatementBatch.Entry failed = null;
        SQLException error = f.error;
        try {
            Culprit found = culprit(all);
            if (found != null) {
                failed = found.entry();
                error = found.error();
            }
        } catch (SQLException replayFailed) {
            f.error.addSuppressed(replayFailed);
        }
        if (failed == null) {
            // not reproduced (a lock timeout, a serialization failure): name the batch's first operation
            failed = new StatementBatch.Entry(null, f.entries.get(0).owner());
        }
        Queued q = (Queued) failed.owner();
        return failure(q.migration(), q.index(), q.op(), failed.sql() != null ? failed.sql()
                : String.join(";\n  ", f.entries.stream().map(StatementBatch.Entry::sql).toList())
                        + "\n  (sent as one batch; the failing statement could not be singled out)", error, progress);
    }

    /** The statement of a failed batch that fails when run alone, and its error. */
    private record Culprit(StatementBatch.Entry entry, SQLException error) {
    }

    /**
     * pgjdbc marks every entry of a batch that failed in a transaction EXECUTE_FAILED. The migration's transaction
     * is rolled back, its statements (all rendered DDL, transactional) are run again one by one in a new
     * transaction until one fails, and that one is rolled back too: the entry and its error, or null.
     */
    private Culprit culprit(List<StatementBatch.Entry> statements) throws SQLException {
        connection.rollback();
        try (Statement s = connection.createStatement()) {
            for (StatementBatch.Entry e : statements) {
                try {
                    s.execute(e.sql());
                } catch (SQLException error) {
                    return new Culprit(e, error);
                }
            }
            return null;
        } finally {
            connection.rollback();
        }
    }

    private void execute(Migration migration, int index, Operation op, List<String> executed, Progress progress,
                         StatementBatch batch) throws SQLException {
        try {
            RunningStatements.process().checkNotInterrupted("operation " + (index + 1));
        } catch (SQLException interrupted) {
            throw failure(migration, index, op, null, interrupted, progress);
        }
        listener.beforeOperation(migration, index, op);
        if (op instanceof RunJava) {
            flush(batch, executed, progress);
        }
        if (op instanceof RunJava call) {
            runJava(migration, index, call, executed, progress);
            live.applied(op);
            listener.afterOperation(migration, index, op, List.of());
            return;
        }
        List<String> statements;
        try {
            statements = dialect.render(op, live);
        } catch (StatementBatch.BatchFailed f) {
            // the dialect read the live schema, which first sent the batch: the failure is a queued statement's
            throw batchFailure(batch, f, executed, progress);
        } catch (RuntimeException e) {
            throw failure(migration, index, op, null, e, progress);
        }
        if (batch != null && !(op instanceof RunSQL) && !statements.isEmpty()
                && statements.stream().allMatch(dialect::batchable)) {
            Queued q = new Queued(migration, index, op, statements);
            for (String sql : statements) {
                RunLog.SQL.debug("{} op {} (batched): {}", migration.id(), index + 1, sql);
                batch.add(sql, q);
            }
            queued.add(q);
            live.applied(op);
            return;
        }
        flush(batch, executed, progress);
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                RunLog.SQL.debug("{} op {}: {}", migration.id(), index + 1, sql);
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw failure(migration, index, op, sql, e, progress);
                }
                executed.add(sql);
                if (batch != null) {
                    replay.add(new StatementBatch.Entry(sql, new Queued(migration, index, op, statements)));
                }
            }
        }
        live.applied(op);
        listener.afterOperation(migration, index, op, statements);
    }

    private void runJava(Migration migration, int index, RunJava call, List<String> executed, Progress progress) {
        JavaMigration code = javaCode.get(call.className());
        String what = call.className() + (call.down() ? ".down" : ".up");
        if (code == null) {
            throw failure(migration, index, call, null, new IllegalStateException("Java migration class "
                    + call.className() + " was not found: put its jar in plugins/, or give it to Covet.builder()"),
                    progress);
        }
        try {
            if (call.down()) {
                code.down(connection);
            } else {
                code.up(connection);
            }
        } catch (SQLException | RuntimeException e) {
            throw failure(migration, index, call, "-- " + what, e, progress);
        }
        executed.add("-- Java migration " + what);
    }

    private StatementFailedException failure(Migration migration, int index, Operation op, String sql, Exception e,
                                             Progress progress) {
        String outcome;
        if (progress == Progress.ATOMIC && grouped) {
            outcome = "Nothing of this run was changed: it was grouped (--group), so all its migrations, those "
                    + "before this one included, were rolled back with their history rows.";
        } else if (progress == Progress.ATOMIC) {
            outcome = "Nothing of this migration was changed (rolled back); migrations before it in this run stay "
                    + "as they are.";
        } else if (progress == Progress.APPLYING) {
            outcome = "Operations 1.." + index + " were applied and are recorded (this database cannot roll back "
                    + "DDL); fix the cause and run migrate again to resume at operation " + (index + 1)
                    + ", or rollback to undo the applied ones.";
            try {
                history.updateProgress(connection, migration.id(), migration.app(), Checksums.of(migration), index,
                        AppliedMigration.FAILED, 0);
            } catch (SQLException recordFailure) {
                e.addSuppressed(recordFailure);
            }
        } else {
            outcome = "Operations 1.." + (index + 1) + " are still applied and recorded as such (this database "
                    + "cannot roll back DDL); fix the cause and run rollback again.";
        }
        String message = "migration " + migration.id() + " (" + migration.where() + ") failed at operation "
                + (index + 1) + " of " + migration.operations().size() + " (" + op.kind() + ": " + op.describe()
                + ")" + (sql != null ? "\n  SQL: " + sql : "") + "\n  error: " + e.getMessage()
                + hint(e) + "\n  " + outcome;
        return new StatementFailedException(message, migration.id(), index + 1, sql, e);
    }

    /**
     * The dialect's hint for a failed statement (PostgreSQL's "out of shared memory" names no setting; the hint names
     * max_locks_per_transaction), as one more line of the message, or nothing.
     */
    private String hint(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sqlException) {
                String hint = dialect.explainFailure(sqlException);
                return hint == null || hint.isBlank() ? "" : "\n  hint: " + hint;
            }
        }
        return "";
    }

    private void finish(Savepoint savepoint) throws SQLException {
        if (grouped) {
            return; // the caller commits the whole run
        }
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        } else if (caps.transactionalDdl()) {
            connection.commit();
        }
    }

    private void undoTransaction(Savepoint savepoint) {
        try {
            if (grouped) {
                connection.rollback();
            } else if (savepoint != null) {
                connection.rollback(savepoint);
                connection.commit();
            } else if (caps.transactionalDdl()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is gone: the database rolls the transaction back itself
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
