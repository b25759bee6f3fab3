package covet.dialect.mysql;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database {@code covet_t_<random>} on the test server for one test class, dropped by {@link #close()}.
 * The server comes from COVET_TEST_MYSQL_URL (default root at 127.0.0.1:3306). Unreachable, the tests are skipped
 * with one line, unless COVET_TEST_REQUIRE names mysql: then they fail.
 */
final class MysqlTestDatabase implements AutoCloseable {
    static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/?user=root&useSSL=false";

    final MysqlDialect dialect = new MysqlDialect();
    final String name;
    final String url;
    private final String serverUrl;

    private MysqlTestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
        this.url = withDatabase(serverUrl, name);
    }

    static MysqlTestDatabase create() {
        String serverUrl = serverUrl();
        MysqlTestDatabase db = new MysqlTestDatabase(serverUrl,
                "covet_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        try (Connection c = db.dialect.connect(serverUrl, new Properties()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db.name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                throw new IllegalStateException("mysql: cannot create a test database on " + serverUrl, e);
            }
            unreachable(serverUrl, e);
        }
        return db;
    }

    static String serverUrl() {
        String env = System.getenv("COVET_TEST_MYSQL_URL");
        return env == null || env.isBlank() ? DEFAULT_URL : env;
    }

    static void unreachable(String serverUrl, Exception e) {
        String required = System.getenv("COVET_TEST_REQUIRE");
        if (required != null && required.toLowerCase(Locale.ROOT).contains("mysql")) {
            Assertions.fail("mysql not reachable at " + serverUrl + " but COVET_TEST_REQUIRE names it: " + e, e);
        }
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        Assumptions.abort("mysql not reachable at " + serverUrl + ": tests skipped (" + why + ")");
    }

    /** The server URL with its database path replaced by {@code database}. */
    static String withDatabase(String serverUrl, String database) {
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String query = q < 0 ? "" : serverUrl.substring(q);
        int hostStart = base.indexOf("//") + 2;
        int slash = base.indexOf('/', hostStart);
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + query;
    }

    Connection connect() throws SQLException {
        Connection c = dialect.connect(url, new Properties());
        c.setAutoCommit(true);
        return c;
    }

    Schema introspect(Connection c) throws SQLException {
        return dialect.introspector().introspect(c);
    }

    void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException(e.getMessage() + "\n  in: " + sql, e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /** Renders {@code op} against {@code before} and runs its statements; returns the schema after it. */
    Schema apply(Connection c, Operation op, Schema before) throws SQLException {
        Supplier<Schema> current = () -> before;
        for (String sql : dialect.render(op, current)) {
            execute(c, sql);
        }
        return op.applyTo(before);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = dialect.connect(serverUrl, new Properties()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }
}
