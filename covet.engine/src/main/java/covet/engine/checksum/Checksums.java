package covet.engine.checksum;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 over a migration's canonical content: its operations written in one normalised form derived from the
 * API records themselves, never the file bytes. Reformatting a file keeps the checksum; changing what it does
 * changes it. Null values, false flags and empty lists are left out, so a later API release that adds an optional
 * component or flag keeps the checksums of existing migrations.
 */
public final class Checksums {
    /** Record components by class, read once: {@code getRecordComponents()} builds new objects on every call. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] rcs = type.getRecordComponents();
            Component[] out = new Component[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                out[i] = new Component(rcs[i].getName(), rcs[i].getAccessor());
            }
            return out;
        }
    };

    private record Component(String name, java.lang.reflect.Method accessor) {
    }

    private Checksums() {
    }

    public static String of(Migration migration) {
        return of(migration.operations());
    }

    public static String of(List<Operation> operations) {
        StringBuilder canonical = new StringBuilder();
        for (Operation op : operations) {
            write(canonical, op);
            canonical.append('\n');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The canonical text of a value; exposed for tests that explain a mismatch. */
    public static String canonical(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value);
        return b.toString();
    }

    private static void write(StringBuilder b, Object value) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof String s) {
            b.append('"');
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\');
                }
                b.append(c);
            }
            b.append('"');
        } else if (value instanceof Collection<?> list) {
            b.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                write(b, item);
            }
            b.append(']');
        } else if (value instanceof Map<?, ?> map) {
            // by key, whatever the map's own iteration order
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sortedEntries(map)) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                write(b, e.getKey());
                b.append('=');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (value instanceof Record r) {
            b.append(r.getClass().getSimpleName()).append('{');
            boolean first = true;
            for (Component rc : COMPONENTS.get(r.getClass())) {
                Object v = get(rc, r);
                // absent, false and empty all mean "the default": a field added to the model later leaves the
                // checksums of older files unchanged. An operation's own map is the exception: AlterTable's
                // previous options empty (reversible) and absent (irreversible) do different things
                if (v == null || Boolean.FALSE.equals(v) || (v instanceof Collection<?> c && c.isEmpty())
                        || (v instanceof Map<?, ?> m && m.isEmpty() && !(r instanceof Operation))) {
                    continue;
                }
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append(rc.name()).append('=');
                write(b, v);
            }
            b.append('}');
        } else if (value instanceof Enum<?> e) {
            b.append(e.name());
        } else {
            b.append(value);
        }
    }

    private static java.util.Set<Map.Entry<String, Object>> sortedEntries(Map<?, ?> map) {
        java.util.TreeMap<String, Object> sorted = new java.util.TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        return sorted.entrySet();
    }

    private static Object get(Component rc, Record r) {
        try {
            return rc.accessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + rc.name() + " of " + r.getClass().getName(), e);
        }
    }
}
