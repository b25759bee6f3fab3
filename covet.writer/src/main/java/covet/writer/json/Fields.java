package covet.writer.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The fields of one JSON object being mapped to a record: rejects fields it does not know (a typo must not be
 * ignored), reports a missing or mistyped field with its path and position, and reports a record constructor's
 * refusal at the object's position.
 */
final class Fields {
    private final Node.Obj object;
    private final String path;
    private final String label;

    private Fields(Node.Obj object, String path, String label) {
        this.object = object;
        this.path = path;
        this.label = label;
    }

    /**
     * {@code label} names the object in problems about the object itself (missing field, unknown field); it may say
     * more than the path, e.g. {@code operations[2] (AddColumn)}.
     */
    static Fields of(Node node, String path, String label, List<String> known) {
        if (!(node instanceof Node.Obj)) {
            throw wrongType(node, path, "an object");
        }
        Node.Obj object = (Node.Obj) node;
        for (Node.Member m : object.members()) {
            if (!known.contains(m.key())) {
                throw new JsonReadException(m.keyAt(), Paths.at(label, "unknown field '" + m.key() + "' (known: "
                        + String.join(", ", known) + ")"));
            }
        }
        return new Fields(object, path, label);
    }

    static Fields of(Node node, String path, List<String> known) {
        return of(node, path, path, known);
    }

    static JsonReadException wrongType(Node actual, String path, String expected) {
        return new JsonReadException(actual.at(), Paths.at(path, "expected " + expected + ", found "
                + actual.describe()));
    }

    String path(String key) {
        return Paths.field(path, key);
    }

    Position at() {
        return object.at();
    }

    /** The value, or null when the field is absent or null: optional fields accept an explicit null. */
    Node optional(String key) {
        Node value = object.get(key);
        return value instanceof Node.Null ? null : value;
    }

    /** The value as written (possibly a JSON null, which the typed getters then reject). */
    Node required(String key) {
        Node value = object.get(key);
        if (value == null) {
            throw new JsonReadException(object.at(), Paths.at(label, "missing field '" + key + "'"));
        }
        return value;
    }

    String string(String key) {
        return asString(required(key), path(key));
    }

    String optionalString(String key) {
        Node value = optional(key);
        return value == null ? null : asString(value, path(key));
    }

    boolean optionalBoolean(String key, boolean absent) {
        Node value = optional(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Node.Bool)) {
            throw wrongType(value, path(key), "a boolean");
        }
        return ((Node.Bool) value).value();
    }

    /** A whole number that fits an int. */
    int integer(String key) {
        Node value = required(key);
        if (!(value instanceof Node.Num n) || !n.integral()) {
            throw wrongType(value, path(key), "a whole number");
        }
        try {
            return Integer.parseInt(n.text());
        } catch (NumberFormatException e) {
            throw wrongType(value, path(key), "a whole number that fits 32 bits");
        }
    }

    /** A whole number that fits 64 bits, or null when absent (a sequence option the database decides). */
    Long optionalLong(String key) {
        Node value = optional(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Node.Num n) || !n.integral()) {
            throw wrongType(value, path(key), "a whole number");
        }
        try {
            return Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw wrongType(value, path(key), "a whole number that fits 64 bits");
        }
    }

    /** An object whose values are all strings, in file order; an absent one is empty. */
    Map<String, String> optionalStringMap(String key) {
        Node value = optional(key);
        return value == null ? Map.of() : stringMap(value, path(key));
    }

    /** Like {@link #optionalStringMap} but keeps absent (null) apart from empty. */
    Map<String, String> nullableStringMap(String key) {
        Node value = optional(key);
        return value == null ? null : stringMap(value, path(key));
    }

    private static Map<String, String> stringMap(Node value, String path) {
        if (!(value instanceof Node.Obj obj)) {
            throw wrongType(value, path, "an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Node.Member m : obj.members()) {
            map.put(m.key(), asString(m.value(), Paths.field(path, m.key())));
        }
        return map;
    }

    List<Node> array(String key) {
        return asArray(required(key), path(key));
    }

    /** An absent list is an empty one. */
    List<Node> optionalArray(String key) {
        Node value = optional(key);
        return value == null ? List.of() : asArray(value, path(key));
    }

    List<String> strings(String key) {
        return asStrings(array(key), path(key));
    }

    /** An absent list of strings is an empty one. */
    List<String> optionalStrings(String key) {
        return asStrings(optionalArray(key), path(key));
    }

    /** The items of an array of strings, or a single string as a list of one. */
    List<String> stringOrStrings(String key) {
        return stringOrStrings(required(key), path(key));
    }

    List<String> optionalStringOrStrings(String key) {
        Node value = optional(key);
        return value == null ? null : stringOrStrings(value, path(key));
    }

    private static List<String> stringOrStrings(Node value, String path) {
        if (value instanceof Node.Str) {
            return List.of(((Node.Str) value).value());
        }
        if (!(value instanceof Node.Arr)) {
            throw wrongType(value, path, "a string or an array of strings");
        }
        return asStrings(((Node.Arr) value).items(), path);
    }

    /** Runs a record constructor; its argument check becomes a problem at this object's position. */
    <T> T build(Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new JsonReadException(object.at(), Paths.at(label, e.getMessage()));
        }
    }

    static String asString(Node value, String path) {
        if (!(value instanceof Node.Str)) {
            throw wrongType(value, path, "a string");
        }
        return ((Node.Str) value).value();
    }

    private static List<Node> asArray(Node value, String path) {
        if (!(value instanceof Node.Arr)) {
            throw wrongType(value, path, "an array");
        }
        return ((Node.Arr) value).items();
    }

    private static List<String> asStrings(List<Node> items, String path) {
        List<String> strings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            strings.add(asString(items.get(i), Paths.item(path, i)));
        }
        return strings;
    }
}
