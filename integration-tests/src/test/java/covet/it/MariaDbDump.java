package covet.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The neutral oracle for MySQL/MariaDB round trips: what {@code mariadb-dump --no-data --skip-dump-date
 * --skip-comments --routines --events --triggers} prints for a database, as a sorted list of statements, so that two
 * databases compare equal up to statement order. The mariadb client loads SQL files the way a user does. Left out
 * or evened out, and nothing else: session settings ({@code SET}, {@code /*!40101 ...}), Covet's own history
 * table, the AUTO_INCREMENT counter (data, not schema) and the DEFINER (the account that ran the DDL); inside a
 * CREATE TABLE the order of the key and constraint lines after the columns (it is the order the keys were created
 * in, which means nothing to the server); and {@code USING BTREE} / {@code USING HASH} on InnoDB keys (InnoDB builds
 * every such key as a B-tree; SHOW CREATE TABLE echoes the words as typed, information_schema does not keep them);
 * and the quoting of names and the blanks in a trigger's header up to FOR EACH ROW (the server prints the header
 * as it was typed, and no catalog table holds that text: the body after it is compared as is).
 */
final class MariaDbDump {
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");
    private static final Pattern DEFINER = Pattern.compile("DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`");
    private static final Pattern USING = Pattern.compile(" USING (BTREE|HASH)");
    private static final Pattern TRIGGER_HEADER = Pattern.compile("(?s)(/\\*!50003 TRIGGER )(.*?FOR EACH ROW)\\s*");

    private MariaDbDump() {
    }

    /** Loads SQL files into the database with the mariadb client, stopping at the first error. */
    static void load(ServerDatabase db, Path... files) {
        for (Path file : files) {
            run(List.of("mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", "root", db.name), file,
                    "mariadb loads " + file);
        }
    }

    /** The database's schema as mariadb-dump prints it: sorted statements without Covet's history table. */
    static List<String> statements(ServerDatabase db) {
        String dump = run(List.of("mariadb-dump", "-h", "127.0.0.1", "-P", "3306", "-u", "root", "--no-data",
                "--skip-dump-date", "--skip-comments", "--routines", "--events", "--triggers", db.name), null,
                "mariadb-dump of " + db.name);
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String delimiter = ";";
        for (String line : dump.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("DELIMITER ")) {
                delimiter = l.substring("DELIMITER ".length()).strip();
                continue;
            }
            if (current.length() == 0 && (l.isEmpty() || l.startsWith("--") || l.startsWith("SET ")
                    || (l.startsWith("/*!") && l.contains(" SET ") && !l.contains("CREATE")))) {
                continue;
            }
            current.append(line).append('\n');
            if (l.endsWith(delimiter)) {
                String sql = current.toString().strip();
                sql = sql.substring(0, sql.length() - delimiter.length()).strip();
                current.setLength(0);
                if (!sql.contains("covet_migrations")) {
                    statements.add(even(sql));
                }
            }
        }
        statements.sort(null);
        return statements;
    }

    /** A statement with the counter, the definer and the order of a table's keys evened out. */
    private static String even(String sql) {
        String s = AUTO_INCREMENT.matcher(sql).replaceAll("");
        s = DEFINER.matcher(s).replaceAll("");
        Matcher header = TRIGGER_HEADER.matcher(s);
        if (header.find()) {
            s = s.substring(0, header.start()) + header.group(1)
                    + header.group(2).replace("`", "").replaceAll("\\s+", " ") + "\n" + s.substring(header.end());
        }
        if (!s.startsWith("CREATE TABLE ")) {
            return s;
        }
        String[] lines = s.split("\n");
        int end = 1;
        while (end < lines.length && !lines[end].startsWith(")")) {
            end++;
        }
        boolean innodb = end < lines.length && lines[end].contains("ENGINE=InnoDB");
        List<String> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 1; i < end; i++) {
            String l = lines[i].strip();
            l = l.endsWith(",") ? l.substring(0, l.length() - 1) : l;
            if (l.startsWith("`")) {
                columns.add(l);
            } else {
                keys.add(innodb ? USING.matcher(l).replaceAll("") : l);
            }
        }
        keys.sort(null);
        List<String> out = new ArrayList<>();
        out.add(lines[0]);
        columns.forEach(c -> out.add("  " + c));
        keys.forEach(k -> out.add("  " + k));
        out.addAll(java.util.Arrays.asList(lines).subList(Math.min(end, lines.length), lines.length));
        return String.join("\n", out);
    }

    /** Asserts two dumps are equal, naming only the statements that differ. */
    static void assertSame(List<String> expected, List<String> actual, String what) {
        ClientTool.assertSameStatements("mariadb-dump", expected, actual, what);
    }

    private static String run(List<String> command, Path input, String what) {
        return ClientTool.run(command, input, "mysql", what);
    }
}
