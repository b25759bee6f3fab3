package covet.api.migration;

/**
 * Repeatable migrations (Flyway's {@code R__name.sql}): a migration whose id starts with {@code R__} is run again
 * whenever its checksum changes, after every pending versioned migration, instead of failing the checksum check.
 * Its history row keeps the checksum and time of its latest run. It is never rolled back: it has no reverse and
 * rollback passes over it. Dated ids ({@code YYYYMMDD_HHMMSS_name}) can never start with {@code R__}.
 */
public final class Repeatables {
    /** The id prefix that marks a repeatable migration. */
    public static final String PREFIX = "R__";

    private Repeatables() {
    }

    public static boolean isRepeatable(String id) {
        return id != null && id.startsWith(PREFIX);
    }

    public static boolean isRepeatable(Migration migration) {
        return isRepeatable(migration.id());
    }
}
