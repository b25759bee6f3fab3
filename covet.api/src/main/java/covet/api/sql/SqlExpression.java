package covet.api.sql;

import java.util.Optional;

/**
 * Checks that a piece of SQL a typed operation carries (a check, a default, a generated column, an index predicate,
 * an exclusion or partition definition) is one expression and nothing more: parentheses and quotes balanced, no
 * parenthesis closed that the expression did not open, no statement separator, no comment that swallows the rest of
 * the statement and no MySQL executable comment. A reviewer approving "add check" must never approve a hidden DROP.
 *
 * <p>Quotes are read twice: with backslash escapes (MySQL, {@link SqlScript#closing}) and without (standard SQL,
 * PostgreSQL, SQLite), and the text must pass both readings, because {@code 'a\'; DROP ...} is one string to MySQL
 * and a string followed by a statement to PostgreSQL. Dollar quotes are not read as quotes: a {@code ;} inside one
 * is refused, which is safe. This is a scanner, not a parser: it refuses smuggled statements, not bad expressions.
 */
public final class SqlExpression {
    private SqlExpression() {
    }

    /** What makes {@code sql} more than one expression, or empty when it is one (null and blank are fine). */
    public static Optional<String> problem(String sql) {
        if (sql == null) {
            return Optional.empty();
        }
        Optional<String> escaped = scan(sql, true);
        return escaped.isPresent() ? escaped : scan(sql, false);
    }

    private static Optional<String> scan(String s, boolean backslashEscapes) {
        int depth = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = end(s, i, c, backslashEscapes);
                if (end < 0) {
                    return Optional.of("the quote " + c + " at position " + (i + 1) + " is never closed");
                }
                i = end;
                continue;
            }
            if (c == '-' && i + 1 < s.length() && s.charAt(i + 1) == '-') {
                return Optional.of("a comment (--) at position " + (i + 1) + " would hide the rest of the statement");
            }
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                if (i + 2 < s.length() && s.charAt(i + 2) == '!') {
                    return Optional.of("a MySQL executable comment (/*!) at position " + (i + 1));
                }
                int close = s.indexOf("*/", i + 2);
                if (close < 0) {
                    return Optional.of("the comment /* at position " + (i + 1) + " is never closed");
                }
                i = close + 2;
                continue;
            }
            if (c == ';') {
                return Optional.of("a statement separator (;) at position " + (i + 1));
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return Optional.of("the parenthesis at position " + (i + 1)
                        + " closes one the expression did not open");
            }
            i++;
        }
        return depth == 0 ? Optional.empty() : Optional.of(depth + " parenthesis(es) never closed");
    }

    /** Just past the quote closing the one at {@code open}, or -1 when it never closes. */
    private static int end(String s, int open, char quote, boolean backslashEscapes) {
        if (backslashEscapes) {
            // a sentinel that is neither quote nor backslash: an unclosed quote runs past the end of s
            int end = SqlScript.closing(s + '\u0000', open, quote);
            return end > s.length() ? -1 : end;
        }
        int i = open + 1;
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }
}
