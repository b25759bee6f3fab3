package covet.writer.json;

import java.math.BigInteger;

/**
 * The {@code "format"} number every Covet JSON file starts with. It is checked before anything else, so that a
 * file from a newer Covet says "upgrade" rather than stumbling on a field this version does not know.
 */
final class FormatVersion {
    static final int CURRENT = 1;
    static final String FIELD = "format";

    private FormatVersion() {
    }

    static void check(Node.Obj root) {
        Node value = root.get(FIELD);
        if (value == null) {
            throw new JsonReadException(root.at(), "missing field '" + FIELD + "' (this Covet writes \"" + FIELD
                    + "\": " + CURRENT + ")");
        }
        if (!(value instanceof Node.Num) || !((Node.Num) value).integral()) {
            throw Fields.wrongType(value, FIELD, "an integer");
        }
        BigInteger version = new BigInteger(((Node.Num) value).text());
        if (version.compareTo(BigInteger.valueOf(CURRENT)) > 0) {
            throw new JsonReadException(value.at(), "written in format " + version + "; this Covet reads format "
                    + CURRENT + " — upgrade Covet");
        }
        if (version.signum() <= 0) {
            throw new JsonReadException(value.at(), Paths.at(FIELD, version + " is not a format version (this Covet"
                    + " reads format " + CURRENT + ")"));
        }
    }

    /** The root as an object: every Covet JSON file is one. */
    static Node.Obj root(Node node, String what) {
        if (!(node instanceof Node.Obj)) {
            throw new JsonReadException(node.at(), "expected " + what + " (a JSON object), found "
                    + node.describe());
        }
        return (Node.Obj) node;
    }
}
