package covet.it;

import covet.api.spi.Dialect;
import covet.engine.plugin.PluginRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One fresh database for a reliability scenario: a SQLite file, or {@code covet_t_<random>} on the PostgreSQL or
 * MariaDB test server (dropped by {@link #close()}). The tests check what the database really holds through it.
 * An unreachable server skips the test with one line unless {@code COVET_TEST_REQUIRE} names it.
 */
final class ReliabilityDb implements AutoCloseable {
    enum Kind {
        SQLITE("sqlite"), POSTGRES("postgresql"), MYSQL("mysql");

        final String server;

        Kind(String server) {
            this.server = server;
        }
    }

    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    final Kind kind;
    final String name;
    final String url;
    private final String serverUrl;
    final Dialect dialect;

    private ReliabilityDb(Kind kind, String name, String url, String serverUrl, Dialect dialect) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.serverUrl = serverUrl;
        this.dialect = dialect;
    }

    /** A fresh database of {@code kind}; SQLite's file goes into {@code dir}. */
    static ReliabilityDb create(Kind kind, Path dir) {
        String name = "covet_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind == Kind.SQLITE) {
            String url = "jdbc:sqlite:" + dir.resolve(name + ".db");
            return new ReliabilityDb(kind, name, url, null, PLUGINS.dialectForUrl(url));
        }
        String serverUrl = kind == Kind.POSTGRES ? Servers.postgresUrl() : Servers.mysqlUrl();
        Dialect dialect = PLUGINS.dialectForUrl(serverUrl);
        requireReachable(kind, serverUrl, dialect);
        try (Connection admin = dialect.connect(serverUrl, new Properties()); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + dialect.quoteIdentifier(name)
                    + (kind == Kind.MYSQL ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : ""));
        } catch (SQLException e) {
            throw new IllegalStateException(kind.server + ": cannot create a test database on " + serverUrl, e);
        }
        return new ReliabilityDb(kind, name, withDatabase(serverUrl, name), serverUrl, dialect);
    }

    /** Skips (or, when required, fails) the calling test when the server of {@code kind} does not answer. */
    static void requireReachable(Kind kind, String serverUrl, Dialect dialect) {
        try (Connection c = dialect.connect(serverUrl, new Properties())) {
            c.isValid(5);
        } catch (SQLException e) {
            String message = kind.server + " not reachable at " + serverUrl + ": tests skipped ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
            if (Servers.required(kind.server)) {
                Assertions.fail(message.replace("tests skipped", "COVET_TEST_REQUIRE names " + kind.server), e);
            }
            Assumptions.abort(message);
        }
    }

    /** {@code jdbc:x://hosts/db?params} with its database replaced. */
    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        int slash = base.indexOf('/', base.indexOf("//") + 2);
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + (q < 0 ? "" : url.substring(q));
    }

    /** The server's admin URL (no database of ours), or null for SQLite. */
    String serverUrl() {
        return serverUrl;
    }

    Connection connect() throws SQLException {
        return dialect.connect(url, new Properties());
    }

    Connection connectAdmin() throws SQLException {
        return dialect.connect(serverUrl, new Properties());
    }

    /** Rows of a query, each row's columns joined with '|'. */
    List<String> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rows(rs);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                b.append(i > 1 ? "|" : "").append(rs.getString(i));
            }
            rows.add(b.toString());
        }
        return rows;
    }

    void execute(String... sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The database's base tables, sorted. */
    List<String> tables() {
        List<String> tables = new ArrayList<>(query(switch (kind) {
            case SQLITE -> "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            case MYSQL -> "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                    + "AND table_type = 'BASE TABLE'";
            case POSTGRES -> "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                    + "AND table_type = 'BASE TABLE'";
        }));
        tables.sort(null);
        return tables;
    }

    /** The columns of {@code table}, sorted. */
    List<String> columns(String table) {
        List<String> cols = new ArrayList<>(query(switch (kind) {
            case SQLITE -> "SELECT name FROM pragma_table_info('" + table.replace("'", "''") + "')";
            case MYSQL -> "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                    + "AND table_name = '" + table.replace("'", "''") + "'";
            case POSTGRES -> "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = '" + table.replace("'", "''") + "'";
        }));
        cols.sort(null);
        return cols;
    }

    /** The history as {@code name|operations_applied|operations_total|status}, in id order; empty without it. */
    List<String> history() {
        if (!tables().contains("covet_migrations")) {
            return List.of();
        }
        return query("SELECT name, operations_applied, operations_total, status FROM covet_migrations ORDER BY id");
    }

    /** The statement that sleeps for {@code reliability_ctl.seconds} seconds in this database. */
    String sleepSql() {
        return switch (kind) {
            case POSTGRES -> "SELECT pg_sleep(seconds) FROM reliability_ctl";
            case MYSQL -> "SELECT SLEEP(seconds) FROM reliability_ctl";
            // SQLite has no sleep: a recursive count whose length the control row sets (about 10^7 rows a second)
            case SQLITE -> "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                    + "WHERE x < (SELECT seconds * 10000000 FROM reliability_ctl)) SELECT count(*) FROM c";
        };
    }

    /** Creates the control table that {@link #sleepSql()} reads, outside any migration. */
    void createSleepControl(int seconds) {
        execute("CREATE TABLE reliability_ctl (seconds integer NOT NULL)",
                "INSERT INTO reliability_ctl (seconds) VALUES (" + seconds + ")");
    }

    void setSleep(int seconds) {
        execute("UPDATE reliability_ctl SET seconds = " + seconds);
    }

    /** True when a session of this database is running {@link #sleepSql()}'s statement (servers only). */
    boolean sleeping() {
        String sql = switch (kind) {
            case POSTGRES -> "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND state = 'active' AND query LIKE 'SELECT pg_sleep(seconds)%' AND pid <> pg_backend_pid()";
            case MYSQL -> "SELECT count(*) FROM information_schema.processlist WHERE db = DATABASE() "
                    + "AND info LIKE 'SELECT SLEEP(seconds)%'";
            case SQLITE -> throw new UnsupportedOperationException("sqlite has no sessions to list");
        };
        return !query(sql).get(0).equals("0");
    }

    /** True when another connection holds the migration lock right now. */
    boolean lockHeld() {
        switch (kind) {
            case POSTGRES:
                return !query("SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                        + "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()")
                        .get(0).equals("0");
            case MYSQL:
                return !query("SELECT IS_USED_LOCK('covet:" + name + "')").get(0).equals("null");
            default:
                try (Connection c = connect(); Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 0");
                    s.execute("BEGIN IMMEDIATE");
                    s.execute("ROLLBACK");
                    return false;
                } catch (SQLException e) {
                    if (e.getMessage().toLowerCase(Locale.ROOT).contains("locked")
                            || e.getMessage().toLowerCase(Locale.ROOT).contains("busy")) {
                        return true;
                    }
                    throw new IllegalStateException(e.getMessage(), e);
                }
        }
    }

    @Override
    public void close() throws SQLException {
        if (kind == Kind.SQLITE) {
            return; // the file lives in the test's @TempDir
        }
        try (Connection admin = connectAdmin(); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + dialect.quoteIdentifier(name)
                    + (kind == Kind.MYSQL ? "" : " WITH (FORCE)"));
        }
    }

    @Override
    public String toString() {
        return kind.server + " " + name;
    }
}
