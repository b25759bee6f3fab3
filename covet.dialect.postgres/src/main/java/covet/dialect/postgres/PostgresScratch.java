package covet.dialect.postgres;

import covet.api.spi.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A temporary database {@code covet_scratch_<random>} on the server a URL reaches, for reading SQL DDL back. The
 * administrative connection stays open for the scratch database's lifetime, so that closing can always drop it
 * ({@code WITH (FORCE)} ends any session the script left behind).
 */
final class PostgresScratch implements ScratchDatabase {
    /** SQLSTATE invalid_catalog_name: the URL's database does not exist (yet). */
    private static final String NO_SUCH_DATABASE = "3D000";

    private final Connection admin;
    private final Connection connection;
    private final String name;
    private final PostgresDialect dialect;
    private final String url;
    private final Properties properties;
    private Connection reader;

    private PostgresScratch(Connection admin, Connection connection, String name, PostgresDialect dialect, String url,
                            Properties properties) {
        this.admin = admin;
        this.connection = connection;
        this.name = name;
        this.dialect = dialect;
        this.url = url;
        this.properties = properties;
    }

    static ScratchDatabase create(PostgresDialect dialect, String serverUrl, Properties properties)
            throws SQLException {
        if (serverUrl == null || !dialect.acceptsUrl(serverUrl)) {
            throw new SQLException("postgresql: a scratch database needs the URL of a PostgreSQL server "
                    + "(jdbc:postgresql://host:port/db), got " + PostgresDialect.redact(serverUrl));
        }
        Connection admin = connectAdmin(dialect, serverUrl, properties);
        String name = "covet_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Statement st = admin.createStatement()) {
            admin.setAutoCommit(true);
            st.execute("CREATE DATABASE " + PostgresNames.quote(name));
        } catch (SQLException e) {
            closeQuietly(admin, e);
            throw new SQLException("postgresql: cannot create the scratch database " + name + " on "
                    + PostgresDialect.redact(serverUrl) + " (the user needs CREATEDB, or give a development "
                    + "database URL the user may create databases on): " + e.getMessage(), e.getSQLState(), e);
        }
        try {
            String scratchUrl = withDatabase(serverUrl, name);
            Connection scratch = dialect.connect(scratchUrl, properties);
            return new PostgresScratch(admin, scratch, name, dialect, scratchUrl, properties);
        } catch (SQLException e) {
            try {
                drop(admin, name);
            } catch (SQLException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            closeQuietly(admin, e);
            throw e;
        }
    }

    /** The URL as given, or its server's {@code postgres} database when the URL's own database does not exist. */
    private static Connection connectAdmin(PostgresDialect dialect, String serverUrl, Properties properties)
            throws SQLException {
        try {
            return dialect.connect(serverUrl, properties);
        } catch (SQLException e) {
            if (!NO_SUCH_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
            return dialect.connect(withDatabase(serverUrl, "postgres"), properties);
        }
    }

    /**
     * {@code url} with its database replaced: {@code jdbc:postgresql://hosts/db?params} and the host-less
     * {@code jdbc:postgresql:db?params}.
     */
    static String withDatabase(String url, String database) {
        String prefix = PostgresDialect.URL_PREFIX;
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query);
        String path = query < 0 ? rest : rest.substring(0, query);
        if (path.startsWith("//")) {
            int slash = path.indexOf('/', 2);
            String hosts = slash < 0 ? path : path.substring(0, slash);
            return prefix + hosts + "/" + database + params;
        }
        return prefix + database + params;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    /** A new session on the scratch database: the script may have emptied its own search_path. */
    @Override
    public Connection readSession() throws SQLException {
        if (reader == null) {
            reader = dialect.connect(url, properties);
        }
        return reader;
    }

    /** Closes the scratch sessions, then drops the database, also when closing a session failed. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        try {
            if (reader != null) {
                reader.close();
            }
            connection.close();
        } catch (SQLException e) {
            failure = e;
        }
        try {
            drop(admin, name);
        } catch (SQLException e) {
            SQLException dropFailed = new SQLException("postgresql: could not drop the scratch database " + name
                    + "; drop it by hand: " + e.getMessage(), e.getSQLState(), e);
            if (failure != null) {
                dropFailed.addSuppressed(failure);
            }
            failure = dropFailed;
        }
        try {
            admin.close();
        } catch (SQLException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void drop(Connection admin, String name) throws SQLException {
        if (!admin.getAutoCommit()) {
            admin.rollback();
            admin.setAutoCommit(true);
        }
        try (Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + PostgresNames.quote(name) + " WITH (FORCE)");
        }
    }

    private static void closeQuietly(Connection c, Exception failure) {
        try {
            c.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
