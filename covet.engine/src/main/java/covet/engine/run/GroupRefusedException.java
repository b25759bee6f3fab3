package covet.engine.run;

import covet.engine.config.ConfigException;

/**
 * A grouped run ({@code migrate --group}, {@code group: true}) cannot be all-or-nothing on this database or with
 * these migrations; nothing was run. A usage error (exit 2): the setting, not the database, must change.
 */
public final class GroupRefusedException extends ConfigException {
    public GroupRefusedException(String message) {
        super(message);
    }
}
