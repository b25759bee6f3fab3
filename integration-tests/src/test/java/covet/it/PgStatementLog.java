package covet.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The statements a PostgreSQL test database received, read from the server's own log: {@code ALTER DATABASE ... SET
 * log_statement = 'all'} logs every statement of the sessions on that database only (nothing global changes), and
 * the log lines whose prefix names the database ({@code %d}, Debian's default {@code log_line_prefix}) are the
 * statements ({@code statement: ...} for the simple protocol, {@code execute <name>: ...} for the extended one).
 * Needs {@code %p} and {@code %d} in {@code log_line_prefix}. A log that cannot be read skips the calling test with one line, or fails it when {@code COVET_TEST_REQUIRE} names
 * {@code pglog}.
 */
final class PgStatementLog {
    private final ServerDatabase db;
    private final Path log;

    private PgStatementLog(ServerDatabase db, Path log) {
        this.db = db;
        this.log = log;
    }

    static PgStatementLog on(ServerDatabase db) throws SQLException {
        Path log = find();
        if (log == null || !Files.isReadable(log)) {
            String message = "PostgreSQL server log not readable (" + log + ", set PG_LOG): statement counts skipped";
            if (Servers.required("pglog")) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        try (Connection admin = db.dialect.connect(db.serverUrl, new Properties());
             Statement s = admin.createStatement()) {
            s.execute("ALTER DATABASE " + db.dialect.quoteIdentifier(db.name) + " SET log_statement = 'all'");
        }
        return new PgStatementLog(db, log);
    }

    /** Where the log ends now: the statements of what follows are read from there. */
    long mark() throws IOException {
        return Files.size(log);
    }

    /**
     * The statements logged for the database since {@code mark}. The server writes its log after the statement's
     * reply, so a short wait lets the last lines arrive; the sentinel query below makes that wait deterministic.
     */
    List<String> since(long mark) throws IOException, InterruptedException {
        String sentinel = "SELECT pg_backend_pid(), 'covet-log-sentinel-" + System.nanoTime() + "'";
        // the sentinel's own session (its driver set-up) is not part of what is counted: its lines name its pid
        String sentinelPid = "[" + db.query(sentinel).get(0).split("\\|")[0] + "] ";
        String needle = "@" + db.name + " ";
        for (int attempt = 0; attempt < 100; attempt++) {
            List<String> statements = new ArrayList<>();
            boolean sawSentinel = false;
            try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
                f.seek(mark);
                String raw;
                while ((raw = f.readLine()) != null) {
                    String line = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                    int at = line.indexOf(needle);
                    if (at < 0 || line.contains(sentinelPid) && !line.contains(sentinel)) {
                        continue;
                    }
                    String rest = line.substring(at + needle.length());
                    String sql = rest.startsWith("LOG:  statement: ") ? rest.substring(17)
                            : rest.startsWith("LOG:  execute ") ? rest.substring(rest.indexOf(": ", 14) + 2) : null;
                    if (sql == null) {
                        continue;
                    }
                    if (sql.equals(sentinel)) {
                        sawSentinel = true;
                        break;
                    }
                    statements.add(sql);
                }
            }
            if (sawSentinel) {
                return statements;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sentinel query never reached " + log + ": is %d in log_line_prefix?");
    }

    private static Path find() {
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
