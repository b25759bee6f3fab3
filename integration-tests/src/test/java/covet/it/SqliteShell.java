package covet.it;

import covet.api.sql.SqlScript;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The neutral oracle for SQLite round trips: what the {@code sqlite3} shell's {@code .schema} prints for a database
 * file, as a sorted list of normalised statements (Covet's history table and SQLite's own {@code sqlite_sequence}
 * left out), so that two databases compare equal up to statement order. The shell also loads SQL files the way a
 * user does.
 *
 * <p>SQLite stores each statement as typed, so the normal form must say when two texts are the same schema. It is
 * written here from SQLite's documentation, independently of Covet's parser:
 * <ul>
 * <li>the shell's {@code IF NOT EXISTS} after CREATE TABLE (it adds it where the stored name is quoted) is not
 *     part of the schema;
 * <li>comments and whitespace do not count; keywords and identifiers are case-insensitive; an identifier may be
 *     quoted in any of the four styles ({@code "x"}, {@code [x]}, {@code `x`}, and {@code 'x'} where a name is due);
 * <li>in CREATE TABLE, a column constraint is the same as the table constraint on that one column (PRIMARY KEY,
 *     UNIQUE, CHECK, REFERENCES), and the clauses of a column come in any order;
 * <li>{@code NULL} on a column and {@code DEFAULT NULL} say what the column is without them; a foreign key's
 *     {@code MATCH} clause is parsed and ignored (lang_createtable.html, "The MATCH clause"), and
 *     {@code ON DELETE/UPDATE NO ACTION} is the action without the clause; {@code GENERATED ALWAYS} is optional
 *     before {@code AS (...)}, whose kind is VIRTUAL unless STORED;
 * <li>table constraints are a set, and so are the table options ({@code STRICT}, {@code WITHOUT ROWID});
 * <li>a PRIMARY KEY column of a WITHOUT ROWID table is NOT NULL whether written or not (withoutrowid.html: "NOT
 *     NULL is enforced on every column of the PRIMARY KEY").
 * </ul>
 * Constraint names are compared: a name the user did not write is a difference.
 */
final class SqliteShell {
    private SqliteShell() {
    }

    /** Loads SQL files into the database file with the sqlite3 shell, stopping at the first error. */
    static void load(Path db, Path... files) {
        for (Path file : files) {
            run(List.of("sqlite3", "-bail", db.toString(), ".read '" + file + "'"), "sqlite3 loads " + file);
        }
    }

    /** The database's schema as {@code .schema} prints it: sorted normalised statements. */
    static List<String> schema(Path db, covet.api.spi.Dialect sqlite) {
        String out = run(List.of("sqlite3", db.toString(), ".schema"), ".schema of " + db);
        List<String> statements = new ArrayList<>();
        for (SqlScript.Statement st : sqlite.splitScript(out)) {
            String normal = normalise(st.sql());
            if (!normal.contains("COVET_MIGRATIONS") && !normal.startsWith("CREATE TABLE SQLITE_SEQUENCE")) {
                statements.add(normal);
            }
        }
        statements.sort(null);
        return statements;
    }

    /** Asserts two schemas are equal, naming only the statements that differ. */
    static void assertSame(List<String> expected, List<String> actual, String what) {
        ClientTool.assertSameStatements(".schema", expected, actual, what);
    }

    static String normalise(String sql) {
        List<String> t = tokens(sql);
        if (t.size() > 3 && t.get(0).equals("CREATE") && t.get(1).equals("TABLE") && t.contains("(")) {
            return table(t);
        }
        return String.join(" ", t);
    }

    private static final Set<String> COLUMN_CLAUSE = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
            "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");
    private static final Set<String> TABLE_CLAUSE = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    private static String table(List<String> t) {
        int open = t.indexOf("(");
        int close = close(t, open);
        // the shell prints CREATE TABLE IF NOT EXISTS for a table whose stored name is quoted: not in the schema
        String head = String.join(" ", t.subList(0, open - 1)).replace("CREATE TABLE IF NOT EXISTS", "CREATE TABLE")
                + " " + name(t.get(open - 1));
        Set<String> tableOptions = new TreeSet<>();
        for (List<String> option : split(t.subList(close(t, open) + 1, t.size()))) {
            if (!option.isEmpty()) {
                tableOptions.add(String.join(" ", option));
            }
        }
        boolean withoutRowid = tableOptions.contains("WITHOUT ROWID");
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<Set<String>> columnClauses = new ArrayList<>();
        Set<String> constraints = new TreeSet<>();
        for (List<String> item : split(t.subList(open + 1, close))) {
            if (item.isEmpty()) {
                continue;
            }
            if (TABLE_CLAUSE.contains(item.get(0))) {
                constraints.add(constraint(item));
                continue;
            }
            String name = name(item.get(0));
            int i = 1;
            List<String> type = new ArrayList<>();
            while (i < item.size() && !COLUMN_CLAUSE.contains(item.get(i))) {
                type.add(item.get(i++));
            }
            Set<String> clauses = new TreeSet<>();
            String constraintName = "";
            while (i < item.size()) {
                int end = i + 1;
                while (end < item.size() && !(COLUMN_CLAUSE.contains(item.get(end))
                        && !(item.get(end).equals("NULL") && Set.of("NOT", "DEFAULT", "SET").contains(item.get(end - 1)))
                        && !(item.get(end).equals("DEFAULT") && item.get(end - 1).equals("SET"))
                        && !(item.get(end).equals("AS") && item.get(end - 1).equals("ALWAYS"))
                        && !(item.get(end).equals("NOT") && end + 1 < item.size()
                                && item.get(end + 1).equals("DEFERRABLE")))) {
                    end = item.get(end).equals("(") ? close(item, end) + 1 : end + 1;
                }
                List<String> clause = item.subList(i, end);
                String text = String.join(" ", clause);
                switch (clause.get(0)) {
                    case "CONSTRAINT" -> constraintName = text + " ";
                    case "NULL" -> constraintName = "";
                    case "PRIMARY" -> {
                        constraints.add(constraintName + "PRIMARY KEY ( " + name + " )"
                                + (clause.contains("AUTOINCREMENT") ? " AUTOINCREMENT" : ""));
                        constraintName = "";
                    }
                    case "UNIQUE" -> {
                        constraints.add(constraintName + "UNIQUE ( " + name + " )");
                        constraintName = "";
                    }
                    case "CHECK" -> {
                        constraints.add(constraintName + text);
                        constraintName = "";
                    }
                    case "REFERENCES" -> {
                        constraints.add(constraint(concat(constraintName.isEmpty() ? List.of()
                                : List.of(constraintName.strip().split(" ")), List.of("FOREIGN", "KEY", "(", name,
                                ")"), clause)));
                        constraintName = "";
                    }
                    case "DEFAULT" -> {
                        if (!text.equals("DEFAULT NULL")) {
                            clauses.add(text);
                        }
                    }
                    case "GENERATED", "AS" -> {
                        int as = clause.indexOf("AS");
                        int c = close(clause, as + 1);
                        String kind = c + 1 < clause.size() && clause.get(c + 1).equals("STORED") ? "STORED"
                                : "VIRTUAL";
                        clauses.add(String.join(" ", clause.subList(as, c + 1)) + " " + kind);
                    }
                    default -> clauses.add(text);
                }
                i = end;
            }
            if (withoutRowid && primaryKey(constraints, name)) {
                clauses.add("NOT NULL");
            }
            columns.add(name);
            types.add(type.isEmpty() ? "" : " " + String.join(" ", type));
            columnClauses.add(clauses);
        }
        List<String> definitions = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (withoutRowid && primaryKey(constraints, columns.get(c))) {
                columnClauses.get(c).add("NOT NULL");
            }
            definitions.add(columns.get(c) + types.get(c)
                    + (columnClauses.get(c).isEmpty() ? "" : " " + String.join(" ", columnClauses.get(c))));
        }
        return head + " ( " + String.join(" , ", definitions) + " ) " + constraints + " " + tableOptions;
    }

    /** True when a PRIMARY KEY constraint of the table lists {@code column}. */
    private static boolean primaryKey(Set<String> constraints, String column) {
        for (String c : constraints) {
            int pk = c.indexOf("PRIMARY KEY ( ");
            if (pk >= 0) {
                String cols = c.substring(pk + 14, c.indexOf(" )", pk));
                if (List.of(cols.split(" , ")).contains(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A name SQLite also takes as a string literal ('x' where a name is due) is that name. */
    private static String name(String token) {
        return token.startsWith("'") ? token.substring(1, token.length() - 1).replace("''", "'")
                .toUpperCase(Locale.ROOT) : token;
    }

    /** A table constraint with the clauses SQLite ignores or takes as default left out. */
    private static String constraint(List<String> item) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < item.size(); i++) {
            String w = item.get(i);
            if (w.equals("MATCH") && i + 1 < item.size()) {
                i++;
            } else if (w.equals("ON") && i + 3 < item.size() && item.get(i + 2).equals("NO")
                    && item.get(i + 3).equals("ACTION")) {
                i += 3;
            } else {
                out.add(w);
            }
        }
        return String.join(" ", out);
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }

    private static int close(List<String> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).equals("(")) {
                depth++;
            } else if (t.get(i).equals(")") && --depth == 0) {
                return i;
            }
        }
        return t.size() - 1;
    }

    private static List<List<String>> split(List<String> t) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int depth = 0;
        for (String w : t) {
            if (w.equals("(")) {
                depth++;
            } else if (w.equals(")")) {
                depth--;
            }
            if (w.equals(",") && depth == 0) {
                out.add(current);
                current = new ArrayList<>();
            } else {
                current.add(w);
            }
        }
        out.add(current);
        return out;
    }

    /** Tokens: comments dropped, quoted identifiers unquoted, everything but string literals in upper case. */
    static List<String> tokens(String sql) {
        List<String> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int e = sql.indexOf('\n', i);
                i = e < 0 ? n : e + 1;
            } else if (sql.startsWith("/*", i)) {
                int e = sql.indexOf("*/", i + 2);
                i = e < 0 ? n : e + 2;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char q = c == '[' ? ']' : c;
                int j = i + 1;
                StringBuilder b = new StringBuilder();
                while (j < n) {
                    if (sql.charAt(j) == q) {
                        if (q != ']' && j + 1 < n && sql.charAt(j + 1) == q) {
                            b.append(q);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    b.append(sql.charAt(j++));
                }
                i = j + 1;
                // a string literal stays one; an identifier in any quoting is its upper-case name
                out.add(c == '\'' ? "'" + b.toString().replace("'", "''") + "'" : b.toString().toUpperCase(Locale.ROOT));
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127 || c == '.') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || "_$.".indexOf(sql.charAt(j)) >= 0
                        || sql.charAt(j) > 127)) {
                    j++;
                }
                out.add(sql.substring(i, j).toUpperCase(Locale.ROOT));
                i = j;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    private static String run(List<String> command, String what) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(new File("/dev/null"));
        try {
            Path out = Files.createTempFile("covet-sqlite3", ".txt");
            Path err = Files.createTempFile("covet-sqlite3", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in 60 s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            String error = Files.readString(err, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (p.exitValue() != 0 || !error.isBlank()) {
                throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): " + error);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }
}
