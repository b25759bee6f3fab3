package covet.engine.squash;

import covet.api.migration.Migration;
import covet.engine.checksum.Checksums;
import covet.engine.graph.MigrationGraph;
import covet.engine.history.AppliedMigration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The migrations as one database should see them once squashes are taken into account.
 *
 * @param graph    the migrations to run, squashed or replaced ones chosen for this database, dependencies on the
 *                 ones left out redirected to the ones kept
 * @param applied  ids in {@code graph} that count as applied: complete history rows, and squashes whose replaced
 *                 migrations are all applied (those get no row of their own: the replaced rows stand for them, and
 *                 the {@code .replaces} sidecar, which stays, says so)
 * @param absorbed each migration left out because a squash used here replaces it, with that squash's id; its
 *                 history row, if any, is accounted for by the squash
 */
public record ResolvedGraph(MigrationGraph graph, Set<String> applied, Map<String, String> absorbed,
                            ReplacementIndex index) {

    public ResolvedGraph {
        applied = Set.copyOf(applied);
        absorbed = Map.copyOf(absorbed);
    }

    /** The app's migrations still to apply, in graph order. */
    public List<Migration> pending(String app) {
        return graph.order().stream().filter(m -> m.app().equals(app) && !applied.contains(m.id())).toList();
    }

    public boolean isApplied(String id) {
        return applied.contains(id);
    }

    /** True when a squash in use replaces {@code id}: its history row needs no file of its own. */
    public boolean isAbsorbed(String id) {
        return absorbed.containsKey(id);
    }

    /** The squash in use that replaces {@code id}, if any. */
    public Optional<String> absorbedInto(String id) {
        return Optional.ofNullable(absorbed.get(id));
    }

    /**
     * The history as this graph sees it: the rows of migrations a squash replaces become one row for the squash, at
     * the place of the last of them (unless the squash has a row of its own). What status shows and what rollback
     * walks back through, newest last.
     */
    public List<AppliedMigration> collapse(List<AppliedMigration> rows) {
        Set<String> named = new HashSet<>();
        Map<String, Integer> lastRow = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            named.add(rows.get(i).name());
            String squash = absorbed.get(rows.get(i).name());
            if (squash != null) {
                lastRow.put(squash, i);
            }
        }
        List<AppliedMigration> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AppliedMigration row = rows.get(i);
            String squash = absorbed.get(row.name());
            if (squash == null) {
                out.add(row);
            } else if (lastRow.get(squash) == i && !named.contains(squash) && applied.contains(squash)) {
                Migration s = graph.find(squash).orElseThrow();
                int n = s.operations().size();
                out.add(new AppliedMigration(row.rowId(), squash, s.app(), row.appliedAt(), Checksums.of(s),
                        row.executionMs(), n, n, AppliedMigration.APPLIED));
            }
        }
        return out;
    }
}
