package covet.engine.plugin;

import covet.api.CovetException;

/** Plugin discovery failed: two providers of one name, none for a URL, a plugin built for another API. */
public class PluginException extends CovetException {
    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
