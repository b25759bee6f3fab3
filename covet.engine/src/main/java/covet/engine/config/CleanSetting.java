package covet.engine.config;

import java.nio.file.Path;

/**
 * {@code clean_enabled: true} in the config file: the only way to let {@code covet clean} drop a schema's objects.
 * Off unless the project's own config file says so (no option or environment variable turns it on), as Flyway's
 * {@code cleanDisabled} defaults to true since Flyway 9.
 */
public final class CleanSetting {
    public static final String KEY = "clean_enabled";

    private CleanSetting() {
    }

    public static boolean enabled(CovetConfig config) {
        String origin = config.origins().get(KEY);
        if (origin == null) {
            return false;
        }
        // the file the setting came from holds its value; CovetConfig keeps only where each setting came from
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
