package covet.writer.json;

import covet.api.CovetException;

/** A JSON schema file that cannot be read: names the file, the line and column, and what is wrong. */
public final class MalformedSchemaFileException extends CovetException {
    private final String location;
    private final int line;
    private final int column;
    private final String problem;

    public MalformedSchemaFileException(String location, int line, int column, String problem) {
        super("malformed schema file " + location + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "")
                + ": " + problem);
        this.location = location;
        this.line = line;
        this.column = column;
        this.problem = problem;
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
