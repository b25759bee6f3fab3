package covet.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The 3-node MariaDB Galera cluster of the Galera tests. {@code .ci/run} starts one with
 * {@code scripts/galera/start-cluster.sh} and names it in {@code COVET_TEST_GALERA_URLS} (three JDBC URLs, comma
 * separated) and {@code COVET_TEST_GALERA_BASE} (its folder, for stopping a node); without them the tests start
 * their own with the same script and stop it at the end. A cluster that cannot start skips the tests with one
 * line, or fails them when {@code COVET_TEST_REQUIRE} names {@code galera}.
 */
final class GaleraTestCluster implements AutoCloseable {
    private static final covet.api.spi.Dialect MYSQL = covet.engine.plugin.PluginRegistry.discover().dialect("mysql");
    final List<String> serverUrls;
    final Path base;
    private final boolean ours;

    private GaleraTestCluster(List<String> serverUrls, Path base, boolean ours) {
        this.serverUrls = serverUrls;
        this.base = base;
        this.ours = ours;
    }

    static GaleraTestCluster obtain() {
        String given = System.getenv("COVET_TEST_GALERA_URLS");
        if (given != null && !given.isBlank()) {
            String b = System.getenv("COVET_TEST_GALERA_BASE");
            return new GaleraTestCluster(List.of(given.split(",")), b == null ? null : Path.of(b), false);
        }
        Path script = Servers.repo().resolve("scripts/galera/start-cluster.sh");
        Path base = Path.of("/tmp/covet-galera-it-" + UUID.randomUUID().toString().substring(0, 8));
        String why;
        try {
            ProcessBuilder pb = new ProcessBuilder(script.toString());
            pb.environment().put("GALERA_BASE", base.toString());
            Path out = Files.createTempFile("galera-start", ".txt");
            Process start = pb.redirectOutput(out.toFile()).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.appendTo(out.resolveSibling(out.getFileName() + ".err")
                            .toFile())).start();
            boolean done = start.waitFor(300, TimeUnit.SECONDS);
            Path errors = out.resolveSibling(out.getFileName() + ".err");
            List<String> urls = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("jdbc:")).toList();
            List<String> err = Files.exists(errors) ? Files.readAllLines(errors) : List.of();
            Files.deleteIfExists(out);
            Files.deleteIfExists(errors);
            if (done && start.exitValue() == 0 && urls.size() == 3) {
                return new GaleraTestCluster(urls, base, true);
            }
            if (!done) {
                start.destroyForcibly();
                stop(base); // nodes already started run in sessions of their own
            }
            why = err.isEmpty() ? "start-cluster.sh failed" : err.get(err.size() - 1);
        } catch (IOException e) {
            why = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        String message = "galera: no 3-node cluster (" + why + "): Galera tests skipped";
        if (Servers.required("galera")) {
            Assertions.fail(message.replace("Galera tests skipped", "COVET_TEST_REQUIRE names galera"));
        }
        Assumptions.abort(message);
        throw new AssertionError(message);
    }

    /** The URL of database {@code db} on node {@code n} (1..3). */
    String url(int n, String db) {
        return ServerDatabase.withDatabase(serverUrls.get(n - 1), db);
    }

    Connection connect(int n, String db) throws SQLException {
        Connection c = MYSQL.connect(url(n, db), new Properties());
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 1"); // see every write the cluster committed
        }
        return c;
    }

    void execute(int n, String sql) {
        try (Connection c = connect(n, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Rows of a query on node {@code n}, columns joined with '|'. */
    List<String> query(int n, String db, String sql) {
        try (Connection c = connect(n, db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= cols; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(b.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("node" + n + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** SIGKILL to node {@code n}'s server: a crash, as a power cut would leave it. */
    void crash(int n) throws IOException, InterruptedException {
        Assumptions.assumeTrue(base != null, "COVET_TEST_GALERA_BASE not set: cannot stop a node");
        long pid = Long.parseLong(Files.readString(base.resolve("node" + n + "/mysqld.pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (ours) {
            stop(base);
        }
    }

    private static void stop(Path base) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Servers.repo().resolve("scripts/galera/stop-cluster.sh").toString());
        pb.environment().put("GALERA_BASE", base.toString());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(120,
                TimeUnit.SECONDS);
    }
}
