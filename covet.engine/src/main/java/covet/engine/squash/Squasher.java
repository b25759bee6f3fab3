package covet.engine.squash;

import covet.api.migration.Migration;
import covet.api.migration.MigrationIds;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.engine.graph.MigrationGraph;
import covet.engine.optimize.Optimizer;
import covet.engine.state.StateReplayer;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces a range FROM..TO of one app's migrations (in graph order) by one migration: the range's operations,
 * concatenated and optimized, depending on what the range depends on outside itself. The migrations it replaces
 * stay on disk until every database has moved past them; {@link Replacements} decides per database which to run.
 */
public final class Squasher {
    private Squasher() {
    }

    /**
     * Plans the squash of {@code from..to}. {@code name} is the new id's name part, or null for
     * {@code squashed_<to's name>}; the id keeps FROM's timestamp, so the squash sorts where its range was.
     */
    public static SquashPlan plan(List<Migration> files, ReplacementIndex index, String app, String from, String to,
                                  String name) {
        for (String id : List.of(from, to)) {
            if (!MigrationIds.isValid(id)) {
                throw new SquashException("'" + id + "' is not a migration id (YYYYMMDD_HHMMSS_name)");
            }
        }
        ResolvedGraph view = Replacements.resolve(files, index);
        MigrationGraph graph = view.graph();
        List<Migration> appOrder = graph.order().stream().filter(m -> m.app().equals(app)).toList();
        int start = position(appOrder, view, app, from);
        int end = position(appOrder, view, app, to);
        if (start > end) {
            throw new SquashException("cannot squash " + from + ".." + to + ": " + from + " comes after " + to
                    + " in the order migrations run; give the earlier one first");
        }
        List<Migration> range = appOrder.subList(start, end + 1);
        if (range.size() < 2) {
            throw new SquashException("cannot squash " + from + ".." + to + ": the range holds one migration; "
                    + "squashing needs two or more");
        }
        Set<String> inRange = new HashSet<>();
        range.forEach(m -> inRange.add(m.id()));
        List<String> external = externalDependencies(range, inRange);
        checkNoDetour(graph, external, inRange, from, to);

        List<Operation> ops = new ArrayList<>();
        range.forEach(m -> ops.addAll(m.operations()));
        String id = from.substring(0, 15) + "_" + slug(name != null ? name : "squashed_" + to.substring(16));
        if (files.stream().anyMatch(m -> m.id().equals(id))) {
            throw new SquashException("cannot squash " + from + ".." + to + ": a migration " + id
                    + " exists already; give another --name");
        }
        Migration squashed = new Migration(id, app, external, Optimizer.optimize(ops));
        List<String> replaces = replacedIds(range, index);
        checkSameSchema(files, index, squashed, replaces, graph);
        return new SquashPlan(squashed, replaces, range);
    }

    private static int position(List<Migration> appOrder, ResolvedGraph view, String app, String id) {
        for (int i = 0; i < appOrder.size(); i++) {
            if (appOrder.get(i).id().equals(id)) {
                return i;
            }
        }
        if (view.isAbsorbed(id)) {
            throw new SquashException("cannot squash from or to " + id + ": it is already replaced by "
                    + view.absorbedInto(id).orElseThrow() + "; squash a range that includes that one instead");
        }
        throw new SquashException("no migration " + id + " in app " + app);
    }

    /** What the range depends on outside itself, in first-seen order. */
    private static List<String> externalDependencies(List<Migration> range, Set<String> inRange) {
        Set<String> external = new LinkedHashSet<>();
        for (Migration m : range) {
            for (String d : m.dependencies()) {
                if (!inRange.contains(d)) {
                    external.add(d);
                }
            }
        }
        return List.copyOf(external);
    }

    /**
     * A dependency from outside the range that itself needs part of the range (say another app's migration that
     * sits between two of them) would make the squash depend on itself.
     */
    private static void checkNoDetour(MigrationGraph graph, List<String> external, Set<String> inRange, String from,
                                      String to) {
        for (String d : external) {
            Deque<String> todo = new ArrayDeque<>(List.of(d));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String current = todo.pop();
                if (!seen.add(current)) {
                    continue;
                }
                for (String next : graph.find(current).map(Migration::dependencies).orElse(List.of())) {
                    if (inRange.contains(next)) {
                        throw new SquashException("cannot squash " + from + ".." + to + ": " + d
                                + " lies outside the range but depends on " + next
                                + ", which is inside it; squash a range that includes " + d
                                + " or ends before " + next);
                    }
                    todo.push(next);
                }
            }
        }
    }

    /** The range's ids; a squash inside it brings the ids it replaces too, so any database's rows are covered. */
    private static List<String> replacedIds(List<Migration> range, ReplacementIndex index) {
        Set<String> ids = new LinkedHashSet<>();
        for (Migration m : range) {
            ids.addAll(index.replaces(m.id()));
            ids.add(m.id());
        }
        return List.copyOf(ids);
    }

    /** A guard on the optimizer: the migrations with the squash must replay to the schema they replay to now. */
    private static void checkSameSchema(List<Migration> files, ReplacementIndex index, Migration squashed,
                                        List<String> replaces, MigrationGraph before) {
        List<Migration> withSquash = new ArrayList<>(files);
        withSquash.add(squashed);
        MigrationGraph after = Replacements.resolve(withSquash, index.with(squashed.id(), replaces)).graph();
        Schema expected = StateReplayer.replay(Schema.EMPTY, before.order());
        Schema actual = StateReplayer.replay(Schema.EMPTY, after.order());
        if (!expected.equals(actual)) {
            throw new SquashException("internal error: squashing into " + squashed.id() + " would change the "
                    + "schema the migrations produce; nothing was written. Please report this with the range.");
        }
    }

    private static String slug(String name) {
        String id = MigrationIds.create(LocalDateTime.of(2000, 1, 1, 0, 0), name);
        return id.substring(16);
    }
}
