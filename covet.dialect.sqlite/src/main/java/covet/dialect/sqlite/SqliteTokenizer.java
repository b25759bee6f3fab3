package covet.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;

/** Splits SQLite DDL into tokens, dropping whitespace and comments. Lenient: it never rejects input. */
final class SqliteTokenizer {
    private SqliteTokenizer() {
    }

    static List<SqliteToken> tokenize(String sql) {
        List<SqliteToken> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '\'') {
                int end = closeQuoted(sql, i, '\'');
                tokens.add(new SqliteToken(SqliteToken.Kind.STRING, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '"' || c == '`') {
                int end = closeQuoted(sql, i, c);
                tokens.add(new SqliteToken(SqliteToken.Kind.QUOTED, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '[') {
                int close = sql.indexOf(']', i);
                int end = close < 0 ? n : close + 1;
                tokens.add(new SqliteToken(SqliteToken.Kind.QUOTED, sql.substring(i, end), i, end));
                i = end;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new SqliteToken(SqliteToken.Kind.NUMBER, sql.substring(i, end), i, end));
                i = end;
            } else if (isWordChar(c)) {
                int end = i + 1;
                while (end < n && isWordChar(sql.charAt(end))) {
                    end++;
                }
                tokens.add(new SqliteToken(SqliteToken.Kind.WORD, sql.substring(i, end), i, end));
                i = end;
            } else {
                tokens.add(new SqliteToken(SqliteToken.Kind.PUNCT, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    /** The offset just past the closing quote; a doubled quote is an escaped one. */
    private static int closeQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }
}
