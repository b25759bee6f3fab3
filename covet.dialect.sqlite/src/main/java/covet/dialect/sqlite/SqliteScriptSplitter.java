package covet.dialect.sqlite;

import covet.api.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an SQL script into statements where SQLite's own shell does: at a {@code ;} that ends a statement, which
 * is every {@code ;} outside quotes ('...', "...", `...`, [...]) and comments, except inside the body of a
 * {@code CREATE [TEMP] TRIGGER}, which ends only at {@code END ;}. This is the state machine of SQLite's
 * {@code sqlite3_complete()}: a {@code CASE ... END} inside a trigger is never followed directly by {@code ;} after
 * another {@code ;}, so it does not end the trigger.
 */
final class SqliteScriptSplitter {
    private SqliteScriptSplitter() {
    }

    private enum Token { SEMI, OTHER, EXPLAIN, CREATE, TEMP, TRIGGER, END }

    // sqlite3_complete's states: 0 INVALID, 1 START, 2 NORMAL, 3 EXPLAIN, 4 CREATE, 5 TRIGGER, 6 SEMI, 7 END
    private static final int[][] TRANSITIONS = {
        // SEMI OTHER EXPLAIN CREATE TEMP TRIGGER END
        {1, 2, 3, 4, 2, 2, 2},
        {1, 2, 3, 4, 2, 2, 2},
        {1, 2, 2, 2, 2, 2, 2},
        {1, 3, 2, 4, 2, 2, 2},
        {1, 2, 2, 2, 4, 5, 2},
        {6, 5, 5, 5, 5, 5, 5},
        {6, 5, 5, 5, 5, 5, 7},
        {1, 5, 5, 5, 5, 5, 5},
    };

    static List<SqlScript.Statement> split(String script) {
        List<SqlScript.Statement> out = new ArrayList<>();
        int state = 0;
        int first = -1;
        int[] lines = {0, 1}; // offset counted up to, line there: statements come in order, so counting is linear
        for (SqliteToken t : SqliteTokenizer.tokenize(script)) {
            Token kind = classify(t);
            if (kind == Token.SEMI && first < 0) {
                continue; // an empty statement
            }
            if (first < 0) {
                first = t.start();
            }
            state = TRANSITIONS[state][kind.ordinal()];
            if (kind == Token.SEMI && state == 1) {
                add(out, script, first, t.start(), lines);
                first = -1;
            }
        }
        if (first >= 0) {
            add(out, script, first, script.length(), lines);
        }
        return out;
    }

    private static Token classify(SqliteToken t) {
        if (t.isPunct(';')) {
            return Token.SEMI;
        }
        if (t.kind() != SqliteToken.Kind.WORD) {
            return Token.OTHER;
        }
        return switch (t.upper()) {
            case "EXPLAIN" -> Token.EXPLAIN;
            case "CREATE" -> Token.CREATE;
            case "TEMP", "TEMPORARY" -> Token.TEMP;
            case "TRIGGER" -> Token.TRIGGER;
            case "END" -> Token.END;
            default -> Token.OTHER;
        };
    }

    private static void add(List<SqlScript.Statement> out, String script, int from, int to, int[] lines) {
        for (int i = lines[0]; i < from; i++) {
            if (script.charAt(i) == '\n') {
                lines[1]++;
            }
        }
        lines[0] = from;
        String sql = script.substring(from, to).strip();
        if (!sql.isEmpty()) {
            out.add(new SqlScript.Statement(sql, lines[1]));
        }
    }
}
