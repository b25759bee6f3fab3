package covet.api;

/** Root of Covet's typed exceptions: each failure has its own subclass whose message names what failed. */
public class CovetException extends RuntimeException {
    public CovetException(String message) {
        super(message);
    }

    public CovetException(String message, Throwable cause) {
        super(message, cause);
    }
}
