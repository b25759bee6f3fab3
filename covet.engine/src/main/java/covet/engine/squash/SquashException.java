package covet.engine.squash;

import covet.api.CovetException;

/** A squash that cannot be planned or used: names the migrations involved and what to do. */
public class SquashException extends CovetException {
    public SquashException(String message) {
        super(message);
    }
}
