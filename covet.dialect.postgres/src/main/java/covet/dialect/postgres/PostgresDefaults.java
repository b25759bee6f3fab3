package covet.dialect.postgres;

import covet.api.model.ColumnType;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical spelling of a column default, applied to what the user wrote and to what {@code pg_get_expr}
 * returns, so both sides meet:
 * <ul>
 *   <li>a quoted literal loses its cast: {@code 'x'::character varying} is {@code 'x'}, {@code '{}'::text[]} is
 *       {@code '{}'} (the server puts the cast back when it stores the default);</li>
 *   <li>on a numeric column a quoted number is a number: {@code '-1'::integer} is {@code -1};</li>
 *   <li>{@code TRUE}, {@code FALSE} are lower case; the SQL value functions ({@code current_timestamp}, ...) are
 *       upper case, as the server prints them; {@code NULL} is no default at all.</li>
 *   <li>{@code nextval('s')} is {@code nextval('s'::regclass)}, {@code nextval('s'::text)} is
 *       {@code nextval(('s'::text)::regclass)}, as the server stores them (a {@code serial} column keeps its
 *       default: it is not an auto-increment column).</li>
 * </ul>
 * Any other expression is kept as written: the server's own deparsed form is what round-trips.
 */
final class PostgresDefaults {
    private static final Pattern CAST_LITERAL =
            Pattern.compile("^('(?:[^']|'')*')::[a-z_][a-z0-9_ .\"]*(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*$");
    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");
    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('((?:[^']|'')+)'(?:::regclass)?\\)$");
    /** {@code nextval('s')} and {@code nextval('s'::text)}, which the server stores with their regclass cast. */
    private static final Pattern NEXTVAL_UNCAST =
            Pattern.compile("^(?i:nextval)\\s*\\(\\s*('(?:[^']|'')+')(::text)?\\s*\\)$");
    private static final Set<String> VALUE_FUNCTIONS = Set.of("CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
            "LOCALTIMESTAMP", "LOCALTIME", "CURRENT_USER", "SESSION_USER", "CURRENT_ROLE", "CURRENT_CATALOG",
            "CURRENT_SCHEMA", "USER");

    private PostgresDefaults() {
    }

    static String canonical(String expression, ColumnType type) {
        if (expression == null) {
            return null;
        }
        String e = expression.strip();
        while (wrapped(e)) {
            e = e.substring(1, e.length() - 1).strip();
        }
        String upper = e.toUpperCase(Locale.ROOT);
        if (upper.equals("NULL") || e.isEmpty()) {
            return null;
        }
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return upper.toLowerCase(Locale.ROOT);
        }
        if (VALUE_FUNCTIONS.contains(upper)) {
            return upper;
        }
        Matcher n = NEXTVAL_UNCAST.matcher(e);
        if (n.matches()) {
            // serial's default: the sequence is resolved once (regclass) or, cast to text, at every call
            return n.group(2) == null ? "nextval(" + n.group(1) + "::regclass)"
                    : "nextval((" + n.group(1) + "::text)::regclass)";
        }
        Matcher m = CAST_LITERAL.matcher(e);
        if (m.matches()) {
            e = m.group(1);
        }
        if (PostgresTypes.isNumeric(type) && e.startsWith("'") && e.endsWith("'") && e.length() > 2) {
            String inner = e.substring(1, e.length() - 1);
            if (NUMBER.matcher(inner).matches()) {
                return inner;
            }
        }
        return e;
    }

    /** The sequence a {@code nextval(...)} default draws from, as written inside the quotes; null otherwise. */
    static String nextvalSequence(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = NEXTVAL.matcher(expression.strip());
        return m.matches() ? m.group(1).replace("''", "'") : null;
    }

    /** True when the outer parentheses enclose the whole expression, as in {@code (0)}. */
    static boolean wrapped(String e) {
        if (e.length() < 2 || e.charAt(0) != '(' || e.charAt(e.length() - 1) != ')') {
            return false;
        }
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < e.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /** An SQL predicate without parentheses that enclose all of it; {@code (a > 0)} is {@code a > 0}. */
    static String predicate(String sql) {
        if (sql == null) {
            return null;
        }
        String e = sql.strip();
        while (wrapped(e)) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }
}
