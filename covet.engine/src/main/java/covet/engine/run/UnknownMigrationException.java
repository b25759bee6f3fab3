package covet.engine.run;

import covet.api.CovetException;

/** A command named a migration id that no file declares. */
public class UnknownMigrationException extends CovetException {
    public UnknownMigrationException(String message) {
        super(message);
    }
}
