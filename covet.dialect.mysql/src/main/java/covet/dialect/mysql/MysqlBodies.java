package covet.dialect.mysql;

import covet.api.model.Event;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import covet.api.model.View;

/**
 * Compares the definitions of views, routines, triggers and events the way the server reads them, not the way they
 * were typed: MySQL stores a routine, trigger or event body as typed, so a body that differs only in case, blanks or
 * comments is the same object and needs no migration. Quoted strings and quoted names are compared as they are;
 * executable comments ({@code /*! ... *}{@code /}) are code and kept.
 */
final class MysqlBodies {
    private MysqlBodies() {
    }

    /** True when {@code a} and {@code b} are one object: same kind, name and comment, equivalent definitions. */
    static boolean same(SchemaObject a, SchemaObject b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.getClass() != b.getClass() || !a.key().equals(b.key())
                || !java.util.Objects.equals(a.comment(), b.comment())) {
            return false;
        }
        if (a instanceof View || a instanceof Routine || a instanceof Trigger || a instanceof Event) {
            return canonical(MysqlObjects.definition(a)).equals(canonical(MysqlObjects.definition(b)));
        }
        return false;
    }

    /**
     * The text in lower case outside quotes, without comments, with one blank where blanks separate two words and
     * none elsewhere.
     */
    static String canonical(String sql) {
        StringBuilder b = new StringBuilder();
        int n = sql.length();
        boolean pendingBlank = false;
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                blank(b, pendingBlank, c);
                pendingBlank = false;
                b.append(sql, i, end);
                i = end - 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*' && !(i + 2 < n && sql.charAt(i + 2) == '!')) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                pendingBlank = true;
            } else if (c == '#' || (c == '-' && i + 2 < n && sql.charAt(i + 1) == '-'
                    && Character.isWhitespace(sql.charAt(i + 2)))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
                pendingBlank = true;
            } else if (Character.isWhitespace(c)) {
                pendingBlank = true;
            } else {
                blank(b, pendingBlank, c);
                pendingBlank = false;
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().replaceFirst(";$", "");
    }

    /** A blank only between two word characters, where it separates tokens. */
    private static void blank(StringBuilder b, boolean pending, char next) {
        if (pending && b.length() > 0 && word(b.charAt(b.length() - 1)) && word(next)) {
            b.append(' ');
        }
    }

    private static boolean word(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '`' || c == '\'' || c == '"';
    }

    /** The index after the quote that closes the one at {@code start} (doubled quotes and backslashes inside). */
    private static int closing(String s, int start, char quote) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return s.length();
    }
}
