package covet.engine.load;

import covet.api.CovetException;

/** Two files declare the same migration id for the same app. */
public class DuplicateMigrationException extends CovetException {
    public DuplicateMigrationException(String message) {
        super(message);
    }
}
