package covet.dialect.sqlite;

import java.util.Locale;

/**
 * One lexical token of SQLite DDL text. {@code start} and {@code end} are offsets in the source, so that an
 * expression can be cut out exactly as it was written.
 */
record SqliteToken(Kind kind, String text, int start, int end) {

    enum Kind { WORD, QUOTED, STRING, NUMBER, PUNCT }

    boolean is(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isPunct(char c) {
        return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The name this token stands for: quotes removed for "x", [x], `x` and 'x' (SQLite takes a string as a name). */
    String identifier() {
        switch (kind) {
            case QUOTED:
                char open = text.charAt(0);
                String inner = text.substring(1, text.length() - 1);
                if (open == '[') {
                    return inner;
                }
                String q = String.valueOf(open);
                return inner.replace(q + q, q);
            case STRING:
                return text.substring(1, text.length() - 1).replace("''", "'");
            default:
                return text;
        }
    }
}
