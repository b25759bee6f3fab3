package covet.dialect.mysql;

import covet.api.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script the way the {@code mysql} client does: on the delimiter ({@code ;}, or what a {@code DELIMITER}
 * line sets) outside {@code '...'} and {@code "..."} literals (backslash escapes, doubled quotes), backtick names
 * and comments ({@code #}, {@code -- } followed by a blank, C-style). Plain comments are left out; executable
 * comments ({@code /*! ... *}{@code /}) and optimizer hints ({@code /*+ ... *}{@code /}) are kept whole, since the
 * server runs them. There is no dollar quoting in MySQL: {@code $} is an identifier character.
 */
final class MysqlScript {
    private final String s;
    private final int n;
    private final List<SqlScript.Statement> out = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private String delimiter = ";";
    private int line = 1;
    private int startLine = -1;
    private int i;

    private MysqlScript(String script) {
        this.s = script;
        this.n = script.length();
    }

    static List<SqlScript.Statement> split(String script) {
        MysqlScript p = new MysqlScript(script);
        p.run();
        return List.copyOf(p.out);
    }

    private void run() {
        while (i < n) {
            char c = s.charAt(i);
            if (startLine < 0 && s.regionMatches(true, i, "DELIMITER", 0, 9) && i + 9 < n
                    && (s.charAt(i + 9) == ' ' || s.charAt(i + 9) == '\t')) {
                int end = s.indexOf('\n', i);
                end = end < 0 ? n : end;
                String value = s.substring(i + 10, end).strip();
                int blank = value.indexOf(' ');
                if (value.isEmpty()) {
                    // the mysql client refuses it too; silently taking the rest as one statement would hide it
                    throw new covet.api.CovetException("mysql: line " + line
                            + ": DELIMITER needs a delimiter, e.g. DELIMITER //");
                }
                delimiter = blank < 0 ? value : value.substring(0, blank);
                i = end;
            } else if (c == '#' || (c == '-' && lineComment())) {
                int end = s.indexOf('\n', i);
                skip(end < 0 ? n : end);
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = s.indexOf("*/", i + 2);
                int end = close < 0 ? n : close + 2;
                boolean executable = i + 2 < n && (s.charAt(i + 2) == '!' || s.charAt(i + 2) == '+');
                if (executable) {
                    take(end);
                } else {
                    skip(end);
                    // as the mariadb client does, the comment leaves nothing behind; a blank only where it
                    // separated two tokens (SELECT/*x*/1), which the client would glue together
                    if (startLine >= 0 && current.length() > 0
                            && !Character.isWhitespace(current.charAt(current.length() - 1))
                            && end < n && !Character.isWhitespace(s.charAt(end))) {
                        current.append(' ');
                    }
                }
            } else if (c == '\'' || c == '"') {
                take(quotedEnd(c, true));
            } else if (c == '`') {
                take(quotedEnd(c, false));
            } else if (!delimiter.isEmpty() && s.startsWith(delimiter, i)) {
                finish();
                i += delimiter.length();
            } else {
                take(i + 1);
            }
        }
        finish();
    }

    /** {@code --} starts a comment only when a blank or control character (or the end) follows it. */
    private boolean lineComment() {
        if (i + 1 >= n || s.charAt(i + 1) != '-') {
            return false;
        }
        return i + 2 >= n || s.charAt(i + 2) <= ' ';
    }

    private int quotedEnd(char quote, boolean backslashEscapes) {
        int k = i + 1;
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

    private void skip(int end) {
        countLines(i, end);
        i = end;
    }

    private void take(int end) {
        for (int k = i; k < end && startLine < 0; k++) {
            if (!Character.isWhitespace(s.charAt(k))) {
                startLine = line + countNewlines(i, k);
            }
        }
        current.append(s, i, end);
        countLines(i, end);
        i = end;
    }

    private void finish() {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            out.add(new SqlScript.Statement(sql, startLine < 0 ? line : startLine));
        }
        current.setLength(0);
        startLine = -1;
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
