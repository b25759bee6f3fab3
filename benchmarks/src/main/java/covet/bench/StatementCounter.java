package covet.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

/**
 * Counts the SQL statements the server receives during an untimed pass.
 * <ul>
 *   <li>PostgreSQL: {@code ALTER DATABASE <db> SET log_statement = 'all'} turns on the statement log for sessions on
 *       that database only (nothing global changes); the server log lines after the start whose prefix names the
 *       database and that log a statement ({@code statement:}, or {@code execute <name>:} for the extended
 *       protocol) are counted. Needs the server log readable (env PG_LOG, default
 *       /var/log/postgresql/postgresql-*-main.log) and {@code %d} in log_line_prefix (Debian's default).</li>
 *   <li>MariaDB: the tool connects as a user of its own ({@value #MARIADB_USER}, created on first use) and the
 *       server's general query log, sent to the table {@code mysql.general_log} for the counting window only, is
 *       counted for that user ({@code Query} and {@code Execute} commands). Other clients of the server (tests
 *       running at the same time) do not add to it, as they would to the global {@code Questions} counter.</li>
 * </ul>
 * SQLite has no server: nothing is counted.
 */
public final class StatementCounter {
    public static final String MARIADB_USER = "covet_bench";
    private final DbKind kind;
    private final Path pgLog;
    /** MariaDB's log_output before a count, put back after it. */
    private String previousOutput = "FILE";

    public StatementCounter(DbKind kind) {
        this.kind = kind;
        this.pgLog = kind == DbKind.POSTGRESQL ? findPgLog() : null;
    }

    public boolean available() {
        return kind == DbKind.MARIADB || (pgLog != null && Files.isReadable(pgLog));
    }

    /** A running count; {@link Counting#stop()} returns the statements received since it started. */
    public Counting start(String database) throws Exception {
        if (kind == DbKind.POSTGRESQL) {
            try (Connection c = kind.admin(); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + database + " SET log_statement = 'all'");
            }
            long offset = Files.size(pgLog);
            return () -> {
                try (Connection c = kind.admin(); Statement s = c.createStatement()) {
                    s.execute("ALTER DATABASE " + database + " RESET log_statement");
                }
                return countPgLines(offset, database);
            };
        }
        String since;
        try (Connection c = kind.admin(); Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS '" + MARIADB_USER + "'@'%'");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + MARIADB_USER + "'@'%'");
            s.execute("CREATE USER IF NOT EXISTS '" + MARIADB_USER + "'@'localhost'");
            s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + MARIADB_USER + "'@'localhost'");
            String output;
            try (ResultSet rs = s.executeQuery("SELECT NOW(6), @@GLOBAL.log_output")) {
                rs.next();
                since = rs.getString(1);
                output = rs.getString(2);
            }
            s.execute("SET GLOBAL log_output = 'TABLE'");
            previousOutput = output;
            s.execute("SET GLOBAL general_log = 1");
        }
        return () -> {
            try (Connection c = kind.admin(); Statement s = c.createStatement()) {
                s.execute("SET GLOBAL general_log = 0");
                s.execute("SET GLOBAL log_output = '" + previousOutput + "'");
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM mysql.general_log WHERE event_time >= '"
                        + since + "' AND user_host LIKE '" + MARIADB_USER + "[%'"
                        + " AND command_type IN ('Query', 'Execute')")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        };
    }

    /** The URL a counted run connects with: on MariaDB, as the counting user. */
    public String countedUrl(String url) {
        return kind == DbKind.MARIADB ? url.replaceFirst("user=[^&]*", "user=" + MARIADB_USER) : url;
    }

    @FunctionalInterface
    public interface Counting {
        long stop() throws Exception;
    }

    private long countPgLines(long offset, String database) throws IOException, InterruptedException {
        Thread.sleep(200); // the server writes its log asynchronously to the session
        String needle = "@" + database + " ";
        long n = 0;
        try (RandomAccessFile f = new RandomAccessFile(pgLog.toFile(), "r")) {
            f.seek(offset);
            String line;
            while ((line = f.readLine()) != null) {
                String text = new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                int at = text.indexOf(needle);
                if (at >= 0 && (text.startsWith("LOG:  statement: ", at + needle.length())
                        || text.startsWith("LOG:  execute ", at + needle.length()))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Path findPgLog() {
        String env = System.getenv("PG_LOG");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path dir = Path.of("/var/log/postgresql");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("postgresql-.*-main\\.log")).sorted()
                    .reduce((a, b) -> b).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
