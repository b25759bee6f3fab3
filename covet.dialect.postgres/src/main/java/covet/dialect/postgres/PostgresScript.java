package covet.dialect.postgres;

import covet.api.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a script the way psql does: on {@code ;} outside string literals, quoted identifiers, dollar-quoted bodies,
 * comments (block comments nest) and parentheses. A {@code '...'} literal takes backslash escapes only under
 * {@code standard_conforming_strings = off}, which the script may switch (Sakila's file does); {@code E'...'} always
 * does. pg_dump's {@code restrict}/{@code unrestrict} meta-command lines are psql's business and are left out;
 * any other psql meta-command stays in its statement, where the server rejects it with its line number.
 */
final class PostgresScript {
    private static final Pattern STANDARD_STRINGS = Pattern.compile(
            "(?is)set\\s+(session\\s+|local\\s+)?standard_conforming_strings\\s*(=|to)\\s*'?(\\w+)'?\\s*");

    private final String s;
    private final int n;
    private final List<SqlScript.Statement> out = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private boolean standardStrings = true;
    private int line = 1;
    private int startLine = -1;
    private int parens;
    private int i;

    private PostgresScript(String script) {
        this.s = script;
        this.n = script.length();
    }

    static List<SqlScript.Statement> split(String script) {
        PostgresScript p = new PostgresScript(script);
        p.run();
        return List.copyOf(p.out);
    }

    private void run() {
        while (i < n) {
            char c = s.charAt(i);
            if (c == '-' && next('-')) {
                int end = s.indexOf('\n', i);
                skipOrKeep(end < 0 ? n : end);
            } else if (c == '/' && next('*')) {
                skipOrKeep(blockCommentEnd());
            } else if (c == '\\' && startLine < 0
                    && (s.startsWith("\\restrict", i) || s.startsWith("\\unrestrict", i))) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '\'') {
                boolean escapes = !standardStrings || escapePrefix();
                take(stringEnd(i, escapes));
            } else if (c == '"') {
                take(stringEnd(i, false));
            } else if (c == '$' && dollarTagEnd() > 0) {
                int tagEnd = dollarTagEnd();
                String tag = s.substring(i, tagEnd);
                int close = s.indexOf(tag, tagEnd);
                take(close < 0 ? n : close + tag.length());
            } else if (c == ';' && parens == 0) {
                finish();
                i++;
            } else {
                if (c == '(') {
                    parens++;
                } else if (c == ')' && parens > 0) {
                    parens--;
                }
                take(i + 1);
            }
        }
        finish();
    }

    private boolean next(char c) {
        return i + 1 < n && s.charAt(i + 1) == c;
    }

    /** A comment before the statement's first token is dropped; one inside it is kept. */
    private void skipOrKeep(int end) {
        if (startLine >= 0) {
            current.append(s, i, end);
        }
        countLines(i, end);
        i = end;
    }

    private void take(int end) {
        for (int k = i; k < end && startLine < 0; k++) {
            char c = s.charAt(k);
            if (!Character.isWhitespace(c)) {
                startLine = line + countNewlines(i, k);
            }
        }
        current.append(s, i, end);
        countLines(i, end);
        i = end;
    }

    private int blockCommentEnd() {
        int depth = 0;
        int k = i;
        while (k < n) {
            if (s.startsWith("/*", k)) {
                depth++;
                k += 2;
            } else if (s.startsWith("*/", k)) {
                depth--;
                k += 2;
                if (depth == 0) {
                    return k;
                }
            } else {
                k++;
            }
        }
        return n;
    }

    /** {@code E'...'}: the E stands alone, not at the end of an identifier. */
    private boolean escapePrefix() {
        if (i == 0 || Character.toUpperCase(s.charAt(i - 1)) != 'E') {
            return false;
        }
        return i < 2 || !isIdentifierChar(s.charAt(i - 2));
    }

    private int stringEnd(int open, boolean backslashEscapes) {
        char quote = s.charAt(open);
        int k = open + 1;
        while (k < n) {
            char c = s.charAt(k);
            if (c == '\\' && backslashEscapes) {
                k += 2;
            } else if (c == quote && k + 1 < n && s.charAt(k + 1) == quote) {
                k += 2;
            } else if (c == quote) {
                return k + 1;
            } else {
                k++;
            }
        }
        return n;
    }

    /** The end of a dollar-quote tag starting at {@code i}, or -1: {@code $$} or {@code $name$}, not inside a name. */
    private int dollarTagEnd() {
        if (i > 0 && isIdentifierChar(s.charAt(i - 1))) {
            return -1;
        }
        int k = i + 1;
        if (k < n && s.charAt(k) == '$') {
            return k + 1;
        }
        if (k >= n || !(Character.isLetter(s.charAt(k)) || s.charAt(k) == '_')) {
            return -1;
        }
        while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
            k++;
        }
        return k < n && s.charAt(k) == '$' ? k + 1 : -1;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void finish() {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            out.add(new SqlScript.Statement(sql, startLine < 0 ? line : startLine));
            var m = STANDARD_STRINGS.matcher(sql);
            if (m.matches()) {
                String v = m.group(3).toLowerCase(Locale.ROOT);
                standardStrings = !(v.equals("off") || v.equals("false") || v.equals("0"));
            }
        }
        current.setLength(0);
        startLine = -1;
        parens = 0;
    }

    private void countLines(int from, int to) {
        line += countNewlines(from, to);
    }

    private int countNewlines(int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
