package covet.dialect.sqlite;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical text of a view, trigger or virtual table. SQLite keeps each statement as typed (only the leading
 * {@code CREATE VIEW} / {@code CREATE TRIGGER} is rewritten), and a table rename rewrites references as
 * {@code "name"}: so two texts are one definition when they differ only in comments, whitespace, the case of
 * keywords or the quoting of plain identifiers. The canonical form drops comments, writes one space wherever
 * there was any gap, keywords in upper case, and a quoted identifier without its quotes when it needs none. Views
 * and triggers are created from this text.
 */
final class SqliteObjectText {
    private SqliteObjectText() {
    }

    /** The canonical text, with {@code "x"} unquoted only where nothing but a name can be meant: see below. */
    static String canonical(String sql) {
        return canonical(sql, Set.of());
    }

    /**
     * The canonical text. {@code [x]} and {@code `x`} are always names; {@code "x"} is one only where the schema has
     * something called x ({@code names}, lower case: tables, columns, views...), because SQLite reads a
     * double-quoted word that names nothing as a string literal, which unquoted it would no longer be.
     */
    static String canonical(String sql, Set<String> names) {
        List<SqliteToken> tokens = SqliteTokenizer.tokenize(sql);
        StringBuilder b = new StringBuilder();
        SqliteToken previous = null;
        for (SqliteToken t : tokens) {
            if (previous != null && t.start() > previous.end()) {
                b.append(' ');
            }
            b.append(spelling(t, names));
            previous = t;
        }
        return b.toString();
    }

    private static String spelling(SqliteToken t, Set<String> names) {
        if (t.kind() == SqliteToken.Kind.WORD && KEYWORDS.contains(t.upper())) {
            return t.upper();
        }
        if (t.kind() == SqliteToken.Kind.QUOTED) {
            String name = t.identifier();
            boolean aName = t.text().charAt(0) != '"' || names.contains(name.toLowerCase(Locale.ROOT));
            if (aName && name.matches("[A-Za-z_][A-Za-z0-9_]*")
                    && !KEYWORDS.contains(name.toUpperCase(Locale.ROOT))) {
                return name;
            }
        }
        return t.text();
    }

    /** Every name of {@code schema} a view or trigger can mention, lower case. */
    static Set<String> names(covet.api.model.Schema schema) {
        Set<String> out = new java.util.HashSet<>();
        for (covet.api.model.Table t : schema.tables()) {
            out.add(t.name().toLowerCase(Locale.ROOT));
            t.columns().forEach(c -> out.add(c.name().toLowerCase(Locale.ROOT)));
        }
        for (covet.api.model.SchemaObject o : schema.objects()) {
            out.add((o instanceof covet.api.model.Trigger tr ? tr.trigger() : o.name()).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** SQLite's keywords (https://sqlite.org/lang_keywords.html): these are never unquoted. */
    static final Set<String> KEYWORDS = Set.of("ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE",
            "AND", "AS", "ASC", "ATTACH", "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE",
            "CAST", "CHECK", "COLLATE", "COLUMN", "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE", "DEFERRED",
            "DELETE", "DESC", "DETACH", "DISTINCT", "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT",
            "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL", "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN",
            "FROM", "FULL", "GENERATED", "GLOB", "GROUP", "GROUPS", "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN",
            "INDEX", "INDEXED", "INITIALLY", "INNER", "INSERT", "INSTEAD", "INTERSECT", "INTO", "IS", "ISNULL",
            "JOIN", "KEY", "LAST", "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED", "NATURAL", "NO", "NOT",
            "NOTHING", "NOTNULL", "NULL", "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS", "OUTER", "OVER",
            "PARTITION", "PLAN", "PRAGMA", "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE", "RECURSIVE",
            "REFERENCES", "REGEXP", "REINDEX", "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING", "RIGHT",
            "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN", "TIES",
            "TO", "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES",
            "VIEW", "VIRTUAL", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT");
}
