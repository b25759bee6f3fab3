package covet.writer.json;

/** A 1-based line and column in the file being read; {@link #NONE} for nodes built in code. */
record Position(int line, int column) {

    static final Position NONE = new Position(-1, -1);
}
