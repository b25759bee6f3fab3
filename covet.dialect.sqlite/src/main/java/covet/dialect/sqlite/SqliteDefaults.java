package covet.dialect.sqlite;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Column defaults. SQLite stores a default as written, minus one pair of parentheses around an expression, and
 * accepts bare literals but needs parentheses around anything else: so literals are written as they are and other
 * expressions inside parentheses, and what {@code pragma_table_xinfo} reports is then exactly the model's text.
 */
final class SqliteDefaults {

    private static final Pattern LITERAL = Pattern.compile(
            "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?0[xX][0-9a-fA-F]+|'([^']|'')*'|[xX]'[0-9a-fA-F]*'"
                    + "|(?i:NULL|TRUE|FALSE|CURRENT_TIME|CURRENT_DATE|CURRENT_TIMESTAMP)");

    private SqliteDefaults() {
    }

    static boolean isLiteral(String expression) {
        return LITERAL.matcher(expression.strip()).matches();
    }

    /** The text after DEFAULT. */
    static String render(String expression) {
        String e = expression.strip();
        return isLiteral(e) ? e : "(" + e + ")";
    }

    /** The default as the introspector reports it: null for none and for NULL, otherwise the stripped text. */
    static String normalize(String expression) {
        if (expression == null) {
            return null;
        }
        String e = expression.strip();
        return e.isEmpty() || e.equalsIgnoreCase("NULL") ? null : e;
    }

    /** True when ALTER TABLE ADD COLUMN takes this default (a constant, not CURRENT_* and not an expression). */
    static boolean allowedInAddColumn(String expression) {
        return isLiteral(expression) && !expression.strip().toUpperCase(Locale.ROOT).startsWith("CURRENT_");
    }
}
