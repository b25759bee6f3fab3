package covet.cli;

/** The exit codes of the command-line contract. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** Stopped by SIGINT or SIGTERM (128 + SIGINT's 2, as shells report Ctrl-C), after saying what state it left. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
