package covet.engine.history;

import covet.api.CovetException;

/** A history row holds values Covet never writes (a hand edit): named with its row and value, never trusted. */
public final class CorruptHistoryException extends CovetException {
    public CorruptHistoryException(String message) {
        super(message);
    }
}
