package covet.dialect.sqlite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parts of a stored CREATE TABLE statement that the pragmas leave out. It follows SQLite's grammar for
 * column and table constraints, and skips what it does not need (types, defaults, conflict clauses).
 */
final class SqliteTableSqlParser {

    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL",
            "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");
    private static final Set<String> TABLE_CONSTRAINT_START = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
            "FOREIGN");

    private final String sql;
    private final List<SqliteToken> tokens;
    private String primaryKeyName;
    private String autoIncrementColumn;
    private final List<SqliteTableSql.Unique> uniques = new ArrayList<>();
    private final List<SqliteTableSql.Check> checks = new ArrayList<>();
    private final List<SqliteTableSql.ForeignKey> foreignKeys = new ArrayList<>();
    private final Map<String, String> generated = new HashMap<>();
    private final Map<String, String> collations = new HashMap<>();

    private SqliteTableSqlParser(String sql) {
        this.sql = sql;
        this.tokens = SqliteTokenizer.tokenize(sql);
    }

    static SqliteTableSql parse(String createTableSql) {
        if (createTableSql == null) {
            return SqliteTableSql.EMPTY;
        }
        return new SqliteTableSqlParser(createTableSql).run();
    }

    private SqliteTableSql run() {
        int open = indexOfPunct(0, '(');
        if (open < 0) {
            return SqliteTableSql.EMPTY;
        }
        int close = matching(open);
        for (int[] item : splitTopLevel(open + 1, close)) {
            if (item[0] >= item[1]) {
                continue;
            }
            SqliteToken first = tokens.get(item[0]);
            if (first.kind() == SqliteToken.Kind.WORD && TABLE_CONSTRAINT_START.contains(first.upper())) {
                tableConstraint(item[0], item[1]);
            } else {
                columnDefinition(item[0], item[1]);
            }
        }
        return new SqliteTableSql(primaryKeyName, autoIncrementColumn, uniques, checks, foreignKeys, generated,
                collations);
    }

    private void tableConstraint(int from, int to) {
        int i = from;
        String name = null;
        if (tokens.get(i).is("CONSTRAINT") && i + 1 < to) {
            name = tokens.get(i + 1).identifier();
            i += 2;
        }
        if (i >= to) {
            return;
        }
        SqliteToken t = tokens.get(i);
        if (t.is("PRIMARY")) {
            primaryKeyName = name;
        } else if (t.is("UNIQUE")) {
            int open = indexOfPunct(i, '(');
            if (open >= 0 && open < to) {
                uniques.add(new SqliteTableSql.Unique(name, keyColumns(open)));
            }
        } else if (t.is("CHECK")) {
            int open = indexOfPunct(i, '(');
            if (open >= 0 && open < to) {
                checks.add(new SqliteTableSql.Check(name, null, inner(open, matching(open))));
            }
        } else if (t.is("FOREIGN")) {
            int open = indexOfPunct(i, '(');
            int close = matching(open);
            int ref = close + 1;
            if (ref + 1 < to && tokens.get(ref).is("REFERENCES")) {
                foreignKeys.add(foreignKey(name, keyColumns(open), tokens.get(ref + 1).identifier(), ref + 2, to));
            }
        }
    }

    private void columnDefinition(int from, int to) {
        String column = tokens.get(from).identifier();
        int i = from + 1;
        while (i < to && !isColumnConstraintStart(tokens.get(i))) {
            i = tokens.get(i).isPunct('(') ? matching(i) + 1 : i + 1;
        }
        String name = null;
        while (i < to) {
            SqliteToken t = tokens.get(i);
            if (t.is("CONSTRAINT") && i + 1 < to) {
                name = tokens.get(i + 1).identifier();
                i += 2;
                continue;
            }
            if (t.is("PRIMARY")) {
                primaryKeyName = name;
                int next = skipUntilConstraint(i + 1, to);
                for (int k = i + 1; k < next; k++) {
                    if (tokens.get(k).is("AUTOINCREMENT")) {
                        autoIncrementColumn = column;
                    }
                }
                i = next;
            } else if (t.is("UNIQUE")) {
                uniques.add(new SqliteTableSql.Unique(name, List.of(column)));
                i = skipUntilConstraint(i + 1, to);
            } else if (t.is("CHECK") && i + 1 < to && tokens.get(i + 1).isPunct('(')) {
                int close = matching(i + 1);
                checks.add(new SqliteTableSql.Check(name, column, inner(i + 1, close)));
                i = close + 1;
            } else if (t.is("REFERENCES") && i + 1 < to) {
                int end = skipReferenceClause(i + 2, to);
                foreignKeys.add(foreignKey(name, List.of(column), tokens.get(i + 1).identifier(), i + 2, end));
                i = end;
            } else if (t.is("COLLATE") && i + 1 < to) {
                collations.put(column.toLowerCase(Locale.ROOT), tokens.get(i + 1).identifier());
                i += 2;
            } else if (t.is("GENERATED") || t.is("AS")) {
                i = generatedClause(column, i, to);
            } else if (t.is("DEFAULT")) {
                i = skipDefault(i + 1, to);
            } else {
                i = skipUntilConstraint(i + 1, to);
            }
            name = null;
        }
    }

    /**
     * A foreign key whose REFERENCES clause ends at {@code to}: {@code DEFERRABLE} (not after NOT) makes it
     * deferrable, {@code INITIALLY DEFERRED} deferred, as SQLite's grammar reads them.
     */
    private SqliteTableSql.ForeignKey foreignKey(String name, List<String> columns, String referenced, int from,
                                                 int to) {
        boolean deferrable = false;
        boolean deferred = false;
        for (int k = from; k < to; k++) {
            if (tokens.get(k).is("DEFERRABLE")) {
                deferrable = !(k > from && tokens.get(k - 1).is("NOT"));
                deferred = deferrable && k + 2 < to && tokens.get(k + 1).is("INITIALLY")
                        && tokens.get(k + 2).is("DEFERRED");
            }
        }
        return new SqliteTableSql.ForeignKey(name, columns, referenced, deferrable, deferred);
    }

    private int generatedClause(String column, int i, int to) {
        int open = indexOfPunct(i, '(');
        if (open < 0 || open >= to) {
            return to;
        }
        int close = matching(open);
        String kind = close + 1 < to && tokens.get(close + 1).is("STORED") ? "STORED" : "VIRTUAL";
        generated.put(column.toLowerCase(Locale.ROOT), "GENERATED ALWAYS AS (" + inner(open, close) + ") " + kind);
        int next = close + 1;
        return next < to && (tokens.get(next).is("STORED") || tokens.get(next).is("VIRTUAL")) ? next + 1 : next;
    }

    private int skipDefault(int i, int to) {
        if (i >= to) {
            return to;
        }
        if (tokens.get(i).isPunct('(')) {
            return matching(i) + 1;
        }
        if (tokens.get(i).isPunct('-') || tokens.get(i).isPunct('+')) {
            return i + 2;
        }
        return i + 1;
    }

    private int skipReferenceClause(int i, int to) {
        if (i < to && tokens.get(i).isPunct('(')) {
            i = matching(i) + 1;
        }
        while (i < to) {
            SqliteToken t = tokens.get(i);
            if (t.is("NOT") && i + 1 < to && tokens.get(i + 1).is("DEFERRABLE")) {
                i += 2;
            } else if (isColumnConstraintStart(t)) {
                return i;
            } else {
                i++;
            }
        }
        return to;
    }

    private int skipUntilConstraint(int i, int to) {
        while (i < to && !isColumnConstraintStart(tokens.get(i))) {
            i = tokens.get(i).isPunct('(') ? matching(i) + 1 : i + 1;
        }
        return i;
    }

    private static boolean isColumnConstraintStart(SqliteToken t) {
        return t.kind() == SqliteToken.Kind.WORD && COLUMN_CONSTRAINT_START.contains(t.upper());
    }

    /** Column names of an indexed-column list {@code (a COLLATE x DESC, b)}: the first token of each item. */
    private List<String> keyColumns(int open) {
        List<String> result = new ArrayList<>();
        for (int[] item : splitTopLevel(open + 1, matching(open))) {
            if (item[0] < item[1]) {
                result.add(tokens.get(item[0]).identifier());
            }
        }
        return result;
    }

    private String inner(int open, int close) {
        if (close <= open + 1) {
            return "";
        }
        return sql.substring(tokens.get(open + 1).start(), tokens.get(close).start()).strip();
    }

    private int indexOfPunct(int from, char c) {
        for (int k = from; k < tokens.size(); k++) {
            if (tokens.get(k).isPunct(c)) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the parenthesis closing the one at {@code open}, or the last token when unbalanced. */
    private int matching(int open) {
        return SqliteIndexSqlParser.matching(tokens, open);
    }

    private List<int[]> splitTopLevel(int from, int to) {
        return SqliteIndexSqlParser.splitTopLevel(tokens, from, to);
    }
}
