package covet.engine.config;

import covet.api.CovetException;

/** The configuration is unusable: a bad key in a config file, a malformed value, a missing setting. */
public class ConfigException extends CovetException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
