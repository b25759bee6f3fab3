package covet.engine;

import covet.api.CovetException;

/** The database could not be reached or refused the login; the message says which setting to check. */
public class ConnectionFailedException extends CovetException {
    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
