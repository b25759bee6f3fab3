package covet.engine;

import covet.api.Preconditions;
import covet.api.migration.Migration;
import covet.api.migration.MigrationIds;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a migration too large for one transaction into a chain. Each migration runs in one transaction, and on
 * PostgreSQL every relation it creates or touches holds a lock until the commit: the server's lock table holds
 * {@code max_locks_per_transaction} (64) x {@code max_connections} (100) = 6,400 of them by default, and a
 * {@code CREATE TABLE} with its indexes, sequence and foreign keys takes several. A chain of migrations of at most
 * {@code maxOperations} operations each, in the original order, fits.
 *
 * <p>The parts keep the order of the operations (they run one after the other), are named {@code <name>_part1} to
 * {@code <name>_partN} with ids one second apart so that they also sort in order, and each depends on the one before;
 * the first has the dependencies of the whole.
 */
public final class MigrationChain {
    /** The default of {@code max_operations_per_migration}. */
    public static final int DEFAULT_MAX_OPERATIONS = 500;

    private static final Pattern PART = Pattern.compile("(.+)_part(\\d{1,9})");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

    private MigrationChain() {
    }

    /** {@code migration} itself when it has at most {@code maxOperations} operations, else its chain. */
    public static List<Migration> split(Migration migration, int maxOperations) {
        Preconditions.check(maxOperations >= 1, "the maximum number of operations per migration must be at least 1,"
                + " not " + maxOperations);
        int total = migration.operations().size();
        if (total <= maxOperations) {
            return List.of(migration);
        }
        LocalDateTime time = time(migration.id());
        String name = migration.id().substring(16);
        int parts = (total + maxOperations - 1) / maxOperations;
        List<Migration> chain = new ArrayList<>();
        List<String> dependencies = migration.dependencies();
        for (int i = 0; i < parts; i++) {
            String id = MigrationIds.create(time.plusSeconds(i), name + "_part" + (i + 1));
            Migration part = new Migration(id, migration.app(), dependencies, migration.operations()
                    .subList(i * maxOperations, Math.min(total, (i + 1) * maxOperations)));
            chain.add(part);
            dependencies = List.of(id);
        }
        return List.copyOf(chain);
    }

    /**
     * True when {@code next} is the part of a chain that follows {@code previous}: it depends on that one alone, and
     * their names are {@code <name>_partN} and {@code <name>_partN+1}.
     */
    public static boolean continues(Migration previous, Migration next) {
        if (!next.dependencies().equals(List.of(previous.id())) || !MigrationIds.isValid(previous.id())
                || !MigrationIds.isValid(next.id())) {
            return false;
        }
        Matcher a = PART.matcher(previous.id().substring(16));
        Matcher b = PART.matcher(next.id().substring(16));
        return a.matches() && b.matches() && a.group(1).equals(b.group(1))
                && Long.parseLong(b.group(2)) == Long.parseLong(a.group(2)) + 1;
    }

    private static LocalDateTime time(String id) {
        Preconditions.check(MigrationIds.isValid(id), "cannot split migration '" + id + "': its id is not "
                + "YYYYMMDD_HHMMSS_name");
        try {
            return LocalDateTime.parse(id.substring(0, 15), STAMP);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot split migration '" + id + "': " + e.getMessage(), e);
        }
    }
}
