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

    /** A new id for {@code name} at {@code time}; the name is reduced to letters, digits and underscores. */
    public static String create(LocalDateTime time, String name) {
        String slug = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return STAMP.format(time) + "_" + (slug.isEmpty() ? "auto" : slug);
    }
}
