package covet.engine.run;

import covet.api.CovetException;

/** An applied migration's file no longer matches what was applied, or is gone. */
public class ChecksumMismatchException extends CovetException {
    public ChecksumMismatchException(String message) {
        super(message);
    }
}
