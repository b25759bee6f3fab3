package covet.writer.json;

/** The dotted paths ({@code operations[0].table.columns[1].nullable}) that prefix every problem. */
final class Paths {
    private Paths() {
    }

    static String field(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    /** {@code path: problem}, or the bare problem at the top level. */
    static String at(String path, String problem) {
        return path.isEmpty() ? problem : path + ": " + problem;
    }
}
