package covet.api.operation;

import covet.api.SchemaStateException;
import java.util.ArrayList;
import java.util.List;

/** The small list edits the operations' {@code applyTo} share. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    static <T> List<T> without(List<T> list, T item) {
        return list.stream().filter(x -> !x.equals(item)).toList();
    }

    static SchemaStateException missing(String table, String kind, String name) {
        return new SchemaStateException("table '" + table + "' has no " + kind + " '" + name + "'");
    }

    static SchemaStateException duplicate(String table, String kind, String name) {
        return new SchemaStateException("table '" + table + "' already has a " + kind + " '" + name + "'");
    }
}
