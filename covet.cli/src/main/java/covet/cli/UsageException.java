package covet.cli;

/** The command line asks for something that cannot be done as asked: exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
