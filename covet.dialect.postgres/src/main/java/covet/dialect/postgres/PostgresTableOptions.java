package covet.dialect.postgres;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PostgreSQL table options of the model, in the one spelling the introspector reports and the normaliser
 * produces: {@code unlogged} = {@code "true"} (absent when logged), {@code inherits} = parent names joined with
 * {@code ,}, {@code with} = storage parameters {@code name=value} sorted by name and joined with {@code ,}
 * (a TOAST table's prefixed {@code toast.}). Other keys are kept as written.
 */
final class PostgresTableOptions {
    static final String UNLOGGED = "unlogged";
    static final String INHERITS = "inherits";
    static final String WITH = "with";

    private PostgresTableOptions() {
    }

    /** Storage parameters ({@code reloptions}) as the {@code with} option, or null when there are none. */
    static String storage(List<String> parameters) {
        List<String> sorted = parameters.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(PostgresTableOptions::parameter).sorted().toList();
        return sorted.isEmpty() ? null : String.join(",", sorted);
    }

    /** {@code FillFactor = 70} is {@code fillfactor=70}: names fold to lower case, spaces go. */
    private static String parameter(String p) {
        int eq = p.indexOf('=');
        if (eq < 0) {
            // a boolean parameter written without a value is true
            return p.toLowerCase(Locale.ROOT) + "=true";
        }
        return p.substring(0, eq).strip().toLowerCase(Locale.ROOT) + "=" + p.substring(eq + 1).strip();
    }

    static Map<String, String> normalize(Map<String, String> options) {
        Map<String, String> out = new TreeMap<>();
        options.forEach((key, value) -> {
            String k = key.strip().toLowerCase(Locale.ROOT);
            String v = value == null ? "" : value.strip();
            switch (k) {
                case UNLOGGED -> {
                    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("on") || v.equals("1")
                            || v.equalsIgnoreCase("yes")) {
                        out.put(k, "true");
                    }
                }
                case INHERITS -> {
                    String parents = String.join(",", Arrays.stream(v.split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList());
                    if (!parents.isEmpty()) {
                        out.put(k, parents);
                    }
                }
                case WITH -> {
                    String s = v.startsWith("(") && v.endsWith(")") ? v.substring(1, v.length() - 1) : v;
                    String with = storage(Arrays.asList(s.split(",")));
                    if (with != null) {
                        out.put(k, with);
                    }
                }
                default -> {
                    if (!v.isEmpty()) {
                        out.put(key, value);
                    }
                }
            }
        });
        return out;
    }
}
