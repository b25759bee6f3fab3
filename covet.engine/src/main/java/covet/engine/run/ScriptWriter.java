package covet.engine.run;

import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import covet.api.sql.SqlBuilder;
import covet.engine.checksum.Checksums;
import covet.engine.history.AppliedMigration;
import covet.engine.history.HistoryTable;
import covet.engine.reverse.Reverser;
import covet.engine.state.DeferredSchema;
import covet.engine.state.StateReplayer;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL script a DBA runs by hand instead of {@code migrate} or {@code rollback}: the lock, the history table when
 * it is missing, each migration's statements with its history row, in the transactions the runner would use.
 */
public final class ScriptWriter {
    private final Dialect dialect;
    private final String url;
    private final SqlBuilder sql;

    public ScriptWriter(Dialect dialect, String url) {
        this.dialect = dialect;
        this.url = url;
        this.sql = new SqlBuilder(dialect::quoteIdentifier);
    }

    /** Applies {@code pending} (in order) after {@code before} (the migrations already applied, in order). */
    public List<String> apply(List<Migration> before, List<Migration> pending, boolean createHistory) {
        return apply(before, pending, java.util.Map.of(), createHistory);
    }

    /**
     * {@link #apply}, where {@code partial} holds the history rows of pending migrations that stopped part way
     * (FAILED on a database without transactional DDL): for those only the operations after the recorded progress are
     * written, and their row is updated rather than a second one inserted.
     */
    public List<String> apply(List<Migration> before, List<Migration> pending,
                              java.util.Map<String, AppliedMigration> partial, boolean createHistory) {
        List<String> out = new ArrayList<>(dialect.lock().lockScript(url));
        if (createHistory) {
            out.addAll(dialect.render(new CreateTable(HistoryTable.definition()), () -> Schema.EMPTY));
        }
        List<Migration> replayed = new ArrayList<>(before);
        for (Migration m : pending) {
            List<Migration> base = List.copyOf(replayed);
            AppliedMigration row = partial.get(m.id());
            int done = row == null ? 0 : row.operationsApplied();
            begin(out);
            out.addAll(render(m.operations(), done, () -> StateReplayer.replay(Schema.EMPTY, base)));
            int n = m.operations().size();
            if (row == null) {
                out.add(sql.insertValues(HistoryTable.NAME, List.of("name", "app", "applied_at", "checksum",
                        "execution_ms", "operations_applied", "operations_total", "status"), List.of(
                        dialect.quoteLiteral(m.id()), dialect.quoteLiteral(m.app()), "CURRENT_TIMESTAMP",
                        dialect.quoteLiteral(Checksums.of(m)), "0", Integer.toString(n), Integer.toString(n),
                        dialect.quoteLiteral(AppliedMigration.APPLIED))));
            } else {
                out.add(sql.updateValues(HistoryTable.NAME, List.of("applied_at", "checksum", "operations_applied",
                        "operations_total", "status"), List.of("CURRENT_TIMESTAMP",
                        dialect.quoteLiteral(Checksums.of(m)), Integer.toString(n), Integer.toString(n),
                        dialect.quoteLiteral(AppliedMigration.APPLIED)), List.of("id"),
                        List.of(Long.toString(row.rowId()))));
            }
            commit(out);
            replayed.add(m);
        }
        out.addAll(dialect.lock().unlockScript(url));
        return out;
    }

    /** Reverts {@code undo} (newest first); {@code applied} are all applied migrations in applied order. */
    public List<String> revert(List<Migration> applied, List<Migration> undo) {
        List<String> out = new ArrayList<>(dialect.lock().lockScript(url));
        List<Migration> state = new ArrayList<>(applied);
        for (Migration m : undo) {
            List<Migration> base = List.copyOf(state);
            begin(out);
            out.addAll(render(Reverser.reverse(m), () -> StateReplayer.replay(Schema.EMPTY, base)));
            out.add(sql.deleteValues(HistoryTable.NAME, List.of("name", "app"),
                    List.of(dialect.quoteLiteral(m.id()), dialect.quoteLiteral(m.app()))));
            commit(out);
            state.remove(m);
        }
        out.addAll(dialect.lock().unlockScript(url));
        return out;
    }

    private List<String> render(List<Operation> ops, java.util.function.Supplier<Schema> base) {
        return render(ops, 0, base);
    }

    /** The statements of {@code ops} after the first {@code done}, which are only replayed into the state. */
    private List<String> render(List<Operation> ops, int done, java.util.function.Supplier<Schema> base) {
        List<String> out = new ArrayList<>();
        DeferredSchema state = new DeferredSchema(base);
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (i >= done) {
                out.addAll(Rendering.render(dialect, op, state));
            }
            state.applied(op);
        }
        return out;
    }

    private void begin(List<String> out) {
        Capabilities c = dialect.capabilities();
        if (c.transactionalDdl() && !c.singleTransactionRun()) {
            out.add("BEGIN");
        }
    }

    private void commit(List<String> out) {
        Capabilities c = dialect.capabilities();
        if (c.transactionalDdl() && !c.singleTransactionRun()) {
            out.add("COMMIT");
        }
    }
}
