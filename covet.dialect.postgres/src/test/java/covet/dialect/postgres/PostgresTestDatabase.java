package covet.dialect.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database {@code covet_t_<random>} on the test server, dropped on close. When the server cannot be
 * reached the calling tests are skipped with one line, or fail when {@code COVET_TEST_REQUIRE} names postgresql.
 */
final class PostgresTestDatabase implements AutoCloseable {
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    static final PostgresDialect DIALECT = new PostgresDialect();

    private final String name;
    private final String url;

    private PostgresTestDatabase(String name, String url) {
        this.name = name;
        this.url = url;
    }

    static String serverUrl() {
        String env = System.getenv("COVET_TEST_POSTGRES_URL");
        return env == null || env.isBlank() ? DEFAULT_URL : env;
    }

    static boolean required(String what) {
        String env = System.getenv("COVET_TEST_REQUIRE");
        return env != null && Arrays.stream(env.split(",")).map(String::strip).anyMatch(what::equals);
    }

    /** Creates the database, or skips (fails when required) when the server is unreachable. */
    static PostgresTestDatabase create() {
        String server = serverUrl();
        String name = "covet_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DIALECT.connect(server, new Properties()); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "postgresql not reachable at " + PostgresDialect.redact(server) + ": tests skipped ("
                    + e.getMessage() + ")";
            if (required("postgresql")) {
                Assertions.fail(message.replace("tests skipped", "COVET_TEST_REQUIRE names postgresql"), e);
            }
            Assumptions.abort(message);
        }
        return new PostgresTestDatabase(name, withDatabase(server, name));
    }

    /** The URL with its database part replaced. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int slash = url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        String tail = query < 0 ? "" : url.substring(query);
        String head = slash < 0 || (query >= 0 && slash > query) ? (query < 0 ? url : url.substring(0, query))
                : url.substring(0, slash);
        return head + "/" + database + tail;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    /** A connection with auto-commit on. */
    Connection connect() throws SQLException {
        return DIALECT.connect(url, new Properties());
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DIALECT.connect(serverUrl(), new Properties());
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
