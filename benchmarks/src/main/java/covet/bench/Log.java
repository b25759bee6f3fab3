package covet.bench;

/** Progress on stderr; results go to files. */
final class Log {
    private Log() {
    }

    static void info(String message) {
        System.err.println("bench: " + message);
        System.err.flush();
    }
}
