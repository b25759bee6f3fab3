package covet.api.migration;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/** The migration id rule, {@code YYYYMMDD_HHMMSS_name}, shared by every reader and writer. */
public final class MigrationIds {
    private static final Pattern ID = Pattern.compile("\\d{8}_\\d{6}_[A-Za-z0-9_]+");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

    private MigrationIds() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Ids of other file formats' migrations ({@code V1.1__init}, {@code 0002_users}): a file stem, one word. */
    private static final Pattern OTHER_FORMAT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    /**
     * True for an id a migration may depend on: a dated id, or the id of a migration in another file format in the
     * same folder (the SQL format's {@code V1.1__init}), so every format's migrations form one graph.
     */
    public static boolean isDependency(String id) {
        return isValid(id) || id != null && OTHER_FORMAT_ID.matcher(id).matches();
    }

    /** A new id for {@code name} at {@code time}; the name is reduced to letters, digits and underscores. */
    public static String create(LocalDateTime time, String name) {
        String slug = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return STAMP.format(time) + "_" + (slug.isEmpty() ? "auto" : slug);
    }
}
