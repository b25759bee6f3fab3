package covet.writer.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;

/**
 * Prints nodes as Covet's canonical JSON: 2-space indent, {@code "key": value}, LF line ends and a trailing
 * newline. A container that holds no object and fits on its line is printed on one line ({@code "columns": ["id"]},
 * one column per line); everything else is expanded, one entry per line. The rule depends only on the content, so
 * the same migration always prints the same bytes.
 */
final class JsonPrinter {
    static final int WIDTH = 100;
    private static final String INDENT = "  ";

    private JsonPrinter() {
    }

    static String print(Node root) {
        StringBuilder out = new StringBuilder();
        expanded(out, root, 0);
        return out.append('\n').toString();
    }

    private static void value(StringBuilder out, Node node, int depth, int column) {
        String flat = flat(node);
        if (flat != null && column + flat.length() <= WIDTH) {
            out.append(flat);
        } else {
            expanded(out, node, depth);
        }
    }

    private static void expanded(StringBuilder out, Node node, int depth) {
        if (node instanceof Node.Obj && !((Node.Obj) node).members().isEmpty()) {
            List<Node.Member> members = ((Node.Obj) node).members();
            out.append("{\n");
            for (int i = 0; i < members.size(); i++) {
                Node.Member m = members.get(i);
                int start = out.length();
                indent(out, depth + 1).append(quote(m.key())).append(": ");
                value(out, m.value(), depth + 1, out.length() - start);
                out.append(i + 1 < members.size() ? ",\n" : "\n");
            }
            indent(out, depth).append('}');
        } else if (node instanceof Node.Arr && !((Node.Arr) node).items().isEmpty()) {
            List<Node> items = ((Node.Arr) node).items();
            out.append("[\n");
            for (int i = 0; i < items.size(); i++) {
                int start = out.length();
                indent(out, depth + 1);
                value(out, items.get(i), depth + 1, out.length() - start);
                out.append(i + 1 < items.size() ? ",\n" : "\n");
            }
            indent(out, depth).append(']');
        } else {
            out.append(flat(node));
        }
    }

    /** The one-line form, or null when the node holds an object (and so is always expanded). */
    private static String flat(Node node) {
        if (node instanceof Node.Obj) {
            StringBuilder b = new StringBuilder("{");
            for (Node.Member m : ((Node.Obj) node).members()) {
                String value = flatInside(m.value());
                if (value == null) {
                    return null;
                }
                b.append(b.length() > 1 ? ", " : "").append(quote(m.key())).append(": ").append(value);
            }
            return b.append('}').toString();
        }
        if (node instanceof Node.Arr) {
            StringBuilder b = new StringBuilder("[");
            for (Node item : ((Node.Arr) node).items()) {
                if (item instanceof Node.Obj || item instanceof Node.Arr) {
                    return null;
                }
                b.append(b.length() > 1 ? ", " : "").append(scalar(item));
            }
            return b.append(']').toString();
        }
        return scalar(node);
    }

    /** Inside a one-line object only scalars and arrays of scalars may appear. */
    private static String flatInside(Node node) {
        return node instanceof Node.Obj ? null : flat(node);
    }

    private static String scalar(Node node) {
        if (node instanceof Node.Str) {
            return quote(((Node.Str) node).value());
        }
        if (node instanceof Node.Num) {
            return ((Node.Num) node).text();
        }
        if (node instanceof Node.Bool) {
            return Boolean.toString(((Node.Bool) node).value());
        }
        if (node instanceof Node.Null) {
            return "null";
        }
        // only empty containers reach here
        return node instanceof Node.Obj ? "{}" : "[]";
    }

    private static String quote(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
    }

    private static StringBuilder indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append(INDENT);
        }
        return out;
    }
}
