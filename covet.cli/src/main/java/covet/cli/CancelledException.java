package covet.cli;

/** A question was answered no (or could not be asked): nothing was done, exit code 1. */
final class CancelledException extends RuntimeException {
    CancelledException(String message) {
        super(message);
    }
}
