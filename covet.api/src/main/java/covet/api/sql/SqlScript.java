package covet.api.sql;

import covet.api.CovetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements on {@code ;} outside quotes, comments and PostgreSQL dollar-quoted bodies,
 * and honours MySQL client {@code DELIMITER} lines. Each statement keeps its line number for messages.
 */
public final class SqlScript {
    private SqlScript() {
    }

    /** One statement and the 1-based line it starts on. */
    public record Statement(String sql, int line) {
    }

    public static List<Statement> split(String script) {
        List<Statement> out = new ArrayList<>();
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            boolean atLineStart = i == 0 || script.charAt(i - 1) == '\n';
            if (atLineStart && script.regionMatches(true, i, "DELIMITER ", 0, 10) && current.toString().isBlank()) {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                String declared = script.substring(i + 10, end).strip();
                if (declared.isEmpty()) {
                    // an empty delimiter would match everywhere and never advance
                    throw new CovetException("line " + line + ": DELIMITER needs a delimiter, e.g. DELIMITER //");
                }
                delimiter = declared;
                i = end;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (current.toString().isBlank()) {
                    startLine = -1;
                } else {
                    current.append(script, i, end);
                }
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(script, i, end);
                if (current.toString().isBlank()) {
                    startLine = -1;
                } else {
                    current.append(script, i, end);
                }
                i = end;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(script, i, c);
                line += count(script, i, end);
                current.append(script, i, end);
                i = end;
                continue;
            }
            if (c == '$') {
                int tagEnd = script.indexOf('$', i + 1);
                if (tagEnd > 0 && script.substring(i + 1, tagEnd).matches("[A-Za-z_0-9]*")) {
                    String tag = script.substring(i, tagEnd + 1);
                    int close = script.indexOf(tag, tagEnd + 1);
                    int end = close < 0 ? n : close + tag.length();
                    line += count(script, i, end);
                    current.append(script, i, end);
                    i = end;
                    continue;
                }
            }
            if (script.startsWith(delimiter, i)) {
                add(out, current, startLine);
                current.setLength(0);
                startLine = -1;
                i += delimiter.length();
                continue;
            }
            current.append(c);
            i++;
        }
        add(out, current, startLine);
        return out;
    }

    private static void add(List<Statement> out, StringBuilder current, int startLine) {
        String sql = current.toString().strip();
        if (!sql.isEmpty()) {
            out.add(new Statement(sql, startLine < 0 ? 1 : startLine));
        }
    }

    /**
     * The index just past the quote that closes the quoted string or identifier opened at {@code open}: a doubled
     * quote and, outside double quotes, a backslash escape stay inside. The end of {@code s} when it never closes.
     */
    public static int closing(String s, int open, char quote) {
        int i = open + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '"' && i + 1 < s.length()) {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
