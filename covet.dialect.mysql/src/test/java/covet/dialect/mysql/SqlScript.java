package covet.dialect.mysql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a MySQL script into statements: on the delimiter (';', or what a DELIMITER line sets) outside quotes,
 * backticks and comments ({@code -- }, {@code #}, C-style). Comments are dropped; executable comments
 * ({@code /*!...* /}) are kept, since the server runs them.
 */
final class SqlScript {
    private SqlScript() {
    }

    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String delimiter = ";";
        int i = 0;
        int n = script.length();
        boolean lineStart = true;
        while (i < n) {
            char c = script.charAt(i);
            if (lineStart && script.regionMatches(true, i, "DELIMITER ", 0, 10) && cur.toString().isBlank()) {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                delimiter = script.substring(i + 10, end).strip();
                i = end;
                continue;
            }
            lineStart = false;
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n) {
                    char d = script.charAt(j);
                    if (d == '\\' && c != '`') {
                        j += 2;
                        continue;
                    }
                    if (d == c) {
                        if (j + 1 < n && script.charAt(j + 1) == c) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                cur.append(script, i, Math.min(j + 1, n));
                i = j + 1;
            } else if (c == '#' || (c == '-' && script.startsWith("--", i)
                    && (i + 2 >= n || Character.isWhitespace(script.charAt(i + 2))))) {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && script.startsWith("/*", i) && !script.startsWith("/*!", i)) {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                cur.append(' ');
            } else if (script.startsWith(delimiter, i)) {
                add(out, cur);
                i += delimiter.length();
            } else {
                cur.append(c);
                lineStart = c == '\n';
                i++;
            }
            if (i < n && i > 0 && script.charAt(i - 1) == '\n') {
                lineStart = true;
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder cur) {
        String s = cur.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }
}
