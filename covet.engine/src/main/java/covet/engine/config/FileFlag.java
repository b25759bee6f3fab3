package covet.engine.config;

import java.nio.file.Path;

/**
 * A true/false setting that only the project's config file can give. The file it came from holds its value
 * ({@link CovetConfig} keeps where each setting came from, so the settings record keeps its shape).
 */
public enum FileFlag {
    /**
     * {@code clean_enabled: true}: the only way to let {@code covet clean} drop a schema's objects; no option or
     * environment variable turns it on, as Flyway's {@code cleanDisabled} defaults to true since Flyway 9.
     */
    CLEAN_ENABLED("clean_enabled"),
    /**
     * {@code group: true}: {@code migrate} applies all pending migrations in one transaction (Flyway's
     * {@code group}); {@code migrate --group} and {@code Covet.builder().group(true)} turn it on too.
     */
    GROUP("group");

    private final String key;

    FileFlag(String key) {
        this.key = key;
    }

    /** The key in the config file. */
    public String key() {
        return key;
    }

    /** True when the config file says {@code true}; false when it says {@code false} or nothing. */
    public boolean enabled(CovetConfig config) {
        String origin = config.origins().get(key);
        if (origin == null) {
            return false;
        }
        String value = ConfigLoader.readFile(Path.of(origin)).get(key);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ConfigException("config file " + origin + ": " + key + " must be true or false, not '" + value
                + "'");
    }
}
