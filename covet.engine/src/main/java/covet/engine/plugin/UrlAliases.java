package covet.engine.plugin;

import covet.engine.config.Redactor;
import java.util.Map;

/**
 * URL schemes a user may reasonably write for a database whose installed dialect takes another one: the answer
 * is the exact URL to use (password masked), never only "not supported".
 */
final class UrlAliases {
    /** scheme written → scheme the dialect takes, and why. */
    private static final Map<String, String[]> ALIASES = Map.of(
            "jdbc:mariadb:", new String[] {"jdbc:mysql:", "MariaDB is served by the mysql dialect through MySQL "
                    + "Connector/J, which Covet ships (MariaDB Connector/J is not needed)"},
            "jdbc:postgres:", new String[] {"jdbc:postgresql:", "pgJDBC's scheme is jdbc:postgresql:"},
            "jdbc:pgsql:", new String[] {"jdbc:postgresql:", "pgJDBC's scheme is jdbc:postgresql:"},
            "jdbc:sqlite3:", new String[] {"jdbc:sqlite:", "the SQLite driver's scheme is jdbc:sqlite:"});

    private UrlAliases() {
    }

    /** The message naming the URL to use, when {@code url}'s scheme is an alias an installed dialect takes. */
    static String suggest(String url, PluginRegistry registry) {
        for (Map.Entry<String, String[]> a : ALIASES.entrySet()) {
            if (url.startsWith(a.getKey())) {
                String fixed = a.getValue()[0] + url.substring(a.getKey().length());
                boolean taken = registry.dialects().stream().anyMatch(d -> d.acceptsUrl(fixed));
                if (taken) {
                    return "Covet takes no " + a.getKey() + " URLs: " + a.getValue()[1] + ". Use --url "
                            + Redactor.redactUrl(fixed);
                }
            }
        }
        return null;
    }
}
