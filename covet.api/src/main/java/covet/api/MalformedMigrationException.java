package covet.api;

/**
 * A migration file that cannot be read: names the file, the line and column where known, and what is wrong.
 * Thrown by every {@link covet.api.spi.MigrationSource} so the engine stops before touching a database.
 */
public class MalformedMigrationException extends CovetException {
    private final String location;
    private final int line;
    private final int column;
    private final String problem;

    public MalformedMigrationException(String location, int line, int column, String problem) {
        super(format(location, line, column, problem));
        this.location = location;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public MalformedMigrationException(String location, String problem) {
        this(location, -1, -1, problem);
    }

    private static String format(String location, int line, int column, String problem) {
        StringBuilder b = new StringBuilder("malformed migration ").append(location);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").append(problem).toString();
    }

    public String location() {
        return location;
    }

    /** 1-based line, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or -1 when unknown. */
    public int column() {
        return column;
    }

    public String problem() {
        return problem;
    }
}
