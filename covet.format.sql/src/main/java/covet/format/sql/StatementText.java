package covet.format.sql;

import covet.api.sql.SqlScript;

/**
 * A statement as the SQL format stores and checksums it: comments removed and insignificant whitespace collapsed,
 * so re-indenting or re-commenting a file keeps its checksum (Flyway's CRC32 over the raw text does not: flyway
 * #1837). Quoted strings and identifiers, PostgreSQL dollar-quoted bodies and MySQL's executable comments
 * ({@code /*!...*}{@code /}) and optimizer hints ({@code /*+...*}{@code /}) are kept exactly: they mean something.
 */
public final class StatementText {
    private StatementText() {
    }

    public static String normalize(String statement) {
        StringBuilder out = new StringBuilder(statement.length());
        int n = statement.length();
        int i = 0;
        boolean space = false;
        while (i < n) {
            char c = statement.charAt(i);
            int end = -1;
            if (c == '-' && i + 1 < n && statement.charAt(i + 1) == '-') {
                int eol = statement.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                space = true;
                continue;
            }
            if (c == '/' && i + 1 < n && statement.charAt(i + 1) == '*') {
                int close = statement.indexOf("*/", i + 2);
                close = close < 0 ? n : close + 2;
                boolean meaningful = i + 2 < n && (statement.charAt(i + 2) == '!' || statement.charAt(i + 2) == '+');
                if (!meaningful) {
                    i = close;
                    space = true;
                    continue;
                }
                end = close;
            } else if (c == '\'' || c == '"' || c == '`') {
                end = SqlScript.closing(statement, i, c);
            } else if (c == '$') {
                int tagEnd = statement.indexOf('$', i + 1);
                if (tagEnd > 0 && statement.substring(i + 1, tagEnd).matches("[A-Za-z_0-9]*")) {
                    String tag = statement.substring(i, tagEnd + 1);
                    int close = statement.indexOf(tag, tagEnd + 1);
                    end = close < 0 ? n : close + tag.length();
                }
            }
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            }
            if (space && out.length() > 0 && needsSpace(out.charAt(out.length() - 1), c)) {
                out.append(' ');
            }
            space = false;
            if (end > 0) {
                out.append(statement, i, end);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Space around brackets and commas is insignificant; between two other tokens one space is kept. */
    private static boolean needsSpace(char before, char next) {
        return before != '(' && before != ',' && next != ')' && next != ',';
    }
}
