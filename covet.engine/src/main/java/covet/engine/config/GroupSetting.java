package covet.engine.config;

import java.nio.file.Path;

/**
 * {@code group: true} in the config file: {@code migrate} applies all pending migrations in one transaction (as
 * Flyway's {@code group}). Read from the file it came from, like {@link CleanSetting}, so that the settings record
 * keeps its shape; {@code migrate --group} and {@code Covet.builder().group(true)} turn it on too.
 */
public final class GroupSetting {
    public static final String KEY = "group";

    private GroupSetting() {
    }

    public static boolean enabled(CovetConfig config) {
        String origin = config.origins().get(KEY);
        if (origin == null) {
            return false;
        }
        String value = ConfigLoader.readFile(Path.of(origin)).get(KEY);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ConfigException("config file " + origin + ": " + KEY + " must be true or false, not '" + value
                + "'");
    }
}
