package covet.writer.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an object for the printer, in the order fields are put (which is the file's stable key order), leaving out
 * what the reader would assume anyway: nulls, default flags and empty optional lists.
 */
final class ObjectBuilder {
    private final List<Node.Member> members = new ArrayList<>();

    ObjectBuilder put(String key, Node value) {
        if (value != null) {
            members.add(new Node.Member(key, Position.NONE, value));
        }
        return this;
    }

    ObjectBuilder put(String key, String value) {
        return put(key, value == null ? null : str(value));
    }

    ObjectBuilder put(String key, int value) {
        return put(key, new Node.Num(Integer.toString(value), true, Position.NONE));
    }

    /** Writes the flag only when it differs from what the reader assumes when it is absent. */
    ObjectBuilder flag(String key, boolean value, boolean absent) {
        return value == absent ? this : put(key, new Node.Bool(value, Position.NONE));
    }

    /** Always writes the list, even empty (for lists whose absence means something else, or required ones). */
    ObjectBuilder strings(String key, List<String> values) {
        return values == null ? this : put(key, array(values.stream().map(ObjectBuilder::str).toList()));
    }

    ObjectBuilder nonEmpty(String key, List<? extends Node> values) {
        return values.isEmpty() ? this : put(key, array(values));
    }

    ObjectBuilder put(String key, Long value) {
        return value == null ? this : put(key, new Node.Num(Long.toString(value), true, Position.NONE));
    }

    ObjectBuilder nonEmptyStrings(String key, List<String> values) {
        return values.isEmpty() ? this : strings(key, values);
    }

    /** A map of strings as an object, keys sorted so that the output does not depend on the map's order. */
    ObjectBuilder stringMap(String key, Map<String, String> values) {
        if (values == null) {
            return this;
        }
        ObjectBuilder map = new ObjectBuilder();
        new TreeMap<>(values).forEach(map::put);
        return put(key, map.build());
    }

    ObjectBuilder nonEmpty(String key, Map<String, String> values) {
        return values.isEmpty() ? this : stringMap(key, values);
    }

    Node.Obj build() {
        return new Node.Obj(members, Position.NONE);
    }

    static Node.Str str(String value) {
        return new Node.Str(value, Position.NONE);
    }

    static Node.Arr array(List<? extends Node> items) {
        return new Node.Arr(List.copyOf(items), Position.NONE);
    }
}
