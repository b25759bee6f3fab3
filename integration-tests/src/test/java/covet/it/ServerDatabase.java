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
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh database {@code covet_t_<random>} on the PostgreSQL or MySQL test server, dropped by {@link #close()}.
 * An unreachable server skips the calling tests with one line, or fails them when {@code COVET_TEST_REQUIRE} names
 * it. The dialect comes from plugin discovery, as the engine finds it.
 */
final class ServerDatabase implements AutoCloseable {
    private static final PluginRegistry PLUGINS = PluginRegistry.discover();

    final String server;
    final String serverUrl;
    final String name;
    final String url;
    final Dialect dialect;

    private ServerDatabase(String server, String serverUrl, String name, Dialect dialect) {
        this.server = server;
        this.serverUrl = serverUrl;
        this.name = name;
        this.url = withDatabase(serverUrl, name);
        this.dialect = dialect;
    }

    static ServerDatabase postgres() {
        return create("postgresql", Servers.postgresUrl());
    }

    static ServerDatabase mysql() {
        return create("mysql", Servers.mysqlUrl());
    }

    private static ServerDatabase create(String server, String serverUrl) {
        Dialect dialect = PLUGINS.dialectForUrl(serverUrl);
        String name = "covet_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Connection admin;
        try {
            admin = dialect.connect(serverUrl, new Properties());
        } catch (SQLException e) {
            String message = server + " not reachable at " + serverUrl + ": tests skipped ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
            if (Servers.required(server)) {
                Assertions.fail(message.replace("tests skipped", "COVET_TEST_REQUIRE names " + server), e);
            }
            Assumptions.abort(message);
            throw new AssertionError(e);
        }
        try (admin; Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + dialect.quoteIdentifier(name));
        } catch (SQLException e) {
            throw new IllegalStateException(server + ": cannot create a test database on " + serverUrl, e);
        }
        return new ServerDatabase(server, serverUrl, name, dialect);
    }

    /** {@code jdbc:x://hosts/db?params} with its database replaced. */
    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        int slash = base.indexOf('/', base.indexOf("//") + 2);
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + (q < 0 ? "" : url.substring(q));
    }

    /** A Covet project in {@code root} whose URL is this database. */
    Project project(Path root) {
        return new Project(root, url);
    }

    Connection connect() throws SQLException {
        return dialect.connect(url, new Properties());
    }

    /** Rows of a query, each row's columns joined with '|'. */
    List<String> query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The database's tables (other PostgreSQL schemas as {@code schema.table}), sorted. */
    List<String> tables() {
        List<String> tables = new ArrayList<>(query(server.equals("mysql")
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                        + "AND table_type = 'BASE TABLE'"
                : "SELECT CASE WHEN table_schema = current_schema() THEN table_name "
                        + "ELSE table_schema || '.' || table_name END FROM information_schema.tables "
                        + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
                        + "AND table_type = 'BASE TABLE'"));
        tables.sort(null);
        return tables;
    }

    /** The columns of {@code table} in the current database or schema, in table order. */
    List<String> columns(String table) {
        return query("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table + "' AND "
                + (server.equals("mysql") ? "table_schema = DATABASE()" : "table_schema = current_schema()")
                + " ORDER BY ordinal_position");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = dialect.connect(serverUrl, new Properties()); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + dialect.quoteIdentifier(name)
                    + (server.equals("mysql") ? "" : " WITH (FORCE)"));
        }
    }
}
