package covet.engine.optimize;

import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one operation writes and what it reads. Two operations commute when neither writes what the other reads or
 * writes. An opaque operation (raw SQL) may touch anything, so it commutes with nothing.
 */
public record Footprint(Set<ObjectKey> writes, Set<ObjectKey> reads, boolean opaque) {

    public Footprint {
        writes = Set.copyOf(writes);
        reads = Set.copyOf(reads);
    }

    public static final Footprint OPAQUE = new Footprint(Set.of(), Set.of(), true);

    private static final Comparator<ObjectKey> ORDER = Comparator.<ObjectKey, String>comparing(ObjectKey::table)
            .thenComparing(ObjectKey::kind).thenComparing((ObjectKey k) -> k.name() == null ? "" : k.name());

    /** True when the order of the two operations may matter. */
    public boolean conflictsWith(Footprint other) {
        if (opaque || other.opaque) {
            return true;
        }
        return overlap(writes, other.writes) || overlap(writes, other.reads) || overlap(reads, other.writes);
    }

    /** This footprint without ORDER keys: for comparing branches, where creation order does not matter. */
    public Footprint withoutOrder() {
        return new Footprint(writes.stream().filter(k -> k.kind() != ObjectKey.Kind.ORDER)
                .collect(Collectors.toSet()), reads, opaque);
    }

    /**
     * This footprint without wildcard keys: for comparing branches, where only what an operation names counts (a
     * column default that may call some function is not a change to every function).
     */
    public Footprint withoutWildcards() {
        return new Footprint(writes.stream().filter(k -> !k.isWildcard()).collect(Collectors.toSet()),
                reads.stream().filter(k -> !k.isWildcard()).collect(Collectors.toSet()), opaque);
    }

    /** The objects both footprints write, or one writes and the other reads; empty for an opaque one. */
    public Set<ObjectKey> sharedWith(Footprint other) {
        Set<ObjectKey> shared = new TreeSet<>(ORDER);
        collect(writes, other.writes, shared);
        collect(writes, other.reads, shared);
        collect(reads, other.writes, shared);
        return shared;
    }

    private static boolean overlap(Set<ObjectKey> a, Set<ObjectKey> b) {
        for (ObjectKey x : a) {
            for (ObjectKey y : b) {
                if (x.overlaps(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Adds the narrower key of each overlapping pair: the column rather than its whole table, not a wildcard. */
    private static void collect(Set<ObjectKey> a, Set<ObjectKey> b, Set<ObjectKey> into) {
        for (ObjectKey x : a) {
            for (ObjectKey y : b) {
                if (x.overlaps(y)) {
                    into.add(narrower(x, y));
                }
            }
        }
    }

    private static ObjectKey narrower(ObjectKey x, ObjectKey y) {
        if (x.isWildcard() != y.isWildcard()) {
            return x.isWildcard() ? y : x;
        }
        return x.kind() == ObjectKey.Kind.TABLE ? y : x;
    }
}
