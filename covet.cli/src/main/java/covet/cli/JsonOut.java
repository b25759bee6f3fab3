package covet.cli;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --json} document: one JSON object on standard output, nothing else. Written by hand so the CLI needs no
 * JSON library; values are maps, collections, strings, numbers, booleans or null. Schema: docs/cli-json.md.
 */
final class JsonOut {
    /** The version of the document's shape; bumped on any incompatible change. */
    static final int VERSION = 1;

    private JsonOut() {
    }

    /** A new document for {@code command}, with the version, command and outcome fields first. */
    static Map<String, Object> document(String command, boolean ok) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("covetJson", VERSION);
        doc.put("command", command);
        doc.put("ok", ok);
        return doc;
    }

    /**
     * A value as JSON-ready data: records become objects of their components (nulls, empty lists and, outside
     * operations, empty maps left out; a schema object gets its {@code kind} and {@code name} first, as an operation
     * its {@code op}), enums their names, column types their text form, instants ISO-8601.
     */
    static Object data(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof covet.api.model.ColumnType t) {
            return t.spelling();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(JsonOut::data).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), data(x)));
            return out;
        }
        if (v instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (v instanceof covet.api.operation.Operation op) {
                out.put("op", op.kind());
            }
            if (v instanceof covet.api.model.SchemaObject o) {
                // a trigger's name is table.trigger, not a component of its own
                out.put("kind", o.kind().spelling());
                out.put("name", o.name());
            }
            for (var rc : r.getClass().getRecordComponents()) {
                Object x;
                try {
                    x = rc.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                // an operation's empty map (AlterTable's options) says something; a table's says nothing
                if (x == null || (x instanceof Collection<?> c && c.isEmpty()) || (x instanceof Map<?, ?> m
                        && m.isEmpty() && !(v instanceof covet.api.operation.Operation))) {
                    continue;
                }
                out.put(rc.getName(), data(x));
            }
            return out;
        }
        return v.toString();
    }

    static void print(Map<String, Object> document) {
        StringBuilder b = new StringBuilder();
        write(b, document, "");
        System.out.println(b);
    }

    private static void write(StringBuilder b, Object v, String indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                b.append("{}");
                return;
            }
            b.append("{\n");
            String inner = indent + "  ";
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                b.append(inner);
                string(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), inner);
                b.append(++i < map.size() ? ",\n" : "\n");
            }
            b.append(indent).append('}');
        } else if (v instanceof Collection<?> list) {
            if (list.isEmpty()) {
                b.append("[]");
                return;
            }
            b.append("[\n");
            String inner = indent + "  ";
            int i = 0;
            for (Object item : list) {
                b.append(inner);
                write(b, item, inner);
                b.append(++i < list.size() ? ",\n" : "\n");
            }
            b.append(indent).append(']');
        } else {
            string(b, v.toString());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
