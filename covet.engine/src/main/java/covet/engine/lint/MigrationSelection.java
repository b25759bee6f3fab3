package covet.engine.lint;

import covet.api.migration.Migration;
import covet.api.spi.Dialect;
import covet.engine.ConnectionFailedException;
import covet.engine.Covet;
import covet.engine.graph.MigrationGraph;
import covet.engine.history.AppliedMigration;
import covet.engine.history.HistoryTable;
import covet.engine.run.UnknownMigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which migrations {@code lint} and {@code verify} look at: the ones named, else the pending ones when the database
 * can be read, else all of the app's. {@code order} is every migration in graph order, which the linter replays and
 * the verifier applies to reach the state before each selected one; {@code scope} says in words what was chosen.
 */
public record MigrationSelection(List<Migration> order, List<String> ids, String scope) {

    public MigrationSelection {
        order = List.copyOf(order);
        ids = List.copyOf(ids);
    }

    /** The named migrations (in graph order), or with none named, pending or all as described above. */
    public static MigrationSelection of(Covet covet, List<String> named) {
        MigrationGraph graph = covet.graph();
        List<Migration> order = graph.order();
        if (named != null && !named.isEmpty()) {
            for (String id : named) {
                if (graph.find(id).isEmpty()) {
                    throw new UnknownMigrationException("no migration " + id + " in "
                            + covet.config().migrationsDir());
                }
            }
            Set<String> wanted = new HashSet<>(named);
            return new MigrationSelection(order, order.stream().map(Migration::id).filter(wanted::contains)
                    .toList(), "the named migrations");
        }
        Set<String> applied = appliedIfReachable(covet);
        List<String> ids = new ArrayList<>();
        for (Migration m : order) {
            if (m.app().equals(covet.config().app()) && (applied == null || !applied.contains(m.id()))) {
                ids.add(m.id());
            }
        }
        return new MigrationSelection(order, ids, applied == null
                ? "all migrations (the database is not reachable, so which are pending is unknown)"
                : "pending migrations");
    }

    /** What {@code migrate TARGET} would apply: the pending migrations up to and including {@code target}. */
    public static MigrationSelection pending(Covet covet, String target) {
        MigrationSelection all = of(covet, List.of());
        if (target == null) {
            return all;
        }
        List<String> ids = new ArrayList<>();
        for (String id : all.ids) {
            ids.add(id);
            if (id.equals(target)) {
                return new MigrationSelection(all.order, ids, "pending migrations up to " + target);
            }
        }
        // the target is applied: migrate reverts, which lint does not judge
        return new MigrationSelection(all.order, List.of(), "none (" + target + " is applied)");
    }

    /** Ids of the app's completely applied migrations; empty when the database or history is not there yet. */
    private static Set<String> appliedIfReachable(Covet covet) {
        Dialect dialect = covet.dialect();
        try {
            if (!dialect.databaseExists(covet.url())) {
                return Set.of();
            }
        } catch (RuntimeException e) {
            return null;
        }
        try (Connection c = covet.connect()) {
            HistoryTable history = new HistoryTable(dialect);
            if (!history.exists(c)) {
                return Set.of();
            }
            Set<String> applied = new HashSet<>();
            for (AppliedMigration row : history.read(c)) {
                if (row.app().equals(covet.config().app()) && row.complete()) {
                    applied.add(row.name());
                }
            }
            return applied;
        } catch (ConnectionFailedException | SQLException e) {
            return null;
        }
    }
}
