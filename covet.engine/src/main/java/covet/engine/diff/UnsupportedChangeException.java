package covet.engine.diff;

import covet.api.CovetException;

/** The wanted schema differs in a way no operation expresses; the message says what to write instead. */
public class UnsupportedChangeException extends CovetException {
    public UnsupportedChangeException(String message) {
        super(message);
    }
}
