package covet.writer.json;

/**
 * What is wrong with a JSON file and where, before the caller adds the file's location and turns it into the typed
 * exception of what it reads (a migration or a schema file).
 */
final class JsonReadException extends RuntimeException {
    private final Position position;
    private final String problem;

    JsonReadException(Position position, String problem) {
        super(problem, null, false, false);
        this.position = position;
        this.problem = problem;
    }

    Position position() {
        return position;
    }

    String problem() {
        return problem;
    }
}
