package covet.dialect.mysql;

import covet.api.spi.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A temporary database {@code covet_scratch_<random>} on the server a URL reaches, for reading SQL DDL back. It
 * takes the default character set and collation of the URL's database when there is one, so that the columns of the
 * script's tables get the collations they would get there. Closing drops it, also after a failed script.
 */
final class MysqlScratch implements ScratchDatabase {
    /** ER_BAD_DB_ERROR: the URL's database does not exist (yet). */
    private static final int UNKNOWN_DATABASE = 1049;

    private final MysqlDialect dialect;
    private final String serverUrl;
    private final Properties properties;
    private final Connection connection;
    private final String name;
    private Connection reader;

    private MysqlScratch(MysqlDialect dialect, String serverUrl, Properties properties, Connection connection,
                         String name) {
        this.dialect = dialect;
        this.serverUrl = serverUrl;
        this.properties = properties;
        this.connection = connection;
        this.name = name;
    }

    static ScratchDatabase create(MysqlDialect dialect, String serverUrl, Properties properties) throws SQLException {
        if (serverUrl == null || !dialect.acceptsUrl(serverUrl)) {
            throw new SQLException("mysql: a scratch database needs the URL of a MySQL or MariaDB server "
                    + "(jdbc:mysql://host:port/db), got " + redact(serverUrl));
        }
        String name = "covet_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String adminUrl = serverUrl;
        try (Connection admin = connectAdmin(dialect, serverUrl, properties)) {
            if (admin.getCatalog() == null || admin.getCatalog().isEmpty()) {
                adminUrl = withDatabase(serverUrl, "");
            }
            String options = defaultsOf(admin);
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE " + dialect.quoteIdentifier(name) + options);
            } catch (SQLException e) {
                throw new SQLException("mysql: cannot create the scratch database " + name + " on "
                        + redact(serverUrl) + " (the user needs CREATE and DROP on it, or give a "
                        + "development database URL where it has them): " + e.getMessage(), e.getSQLState(),
                        e.getErrorCode(), e);
            }
        }
        try {
            Connection scratch = dialect.connect(withDatabase(serverUrl, name), properties);
            return new MysqlScratch(dialect, adminUrl, properties, scratch, name);
        } catch (SQLException e) {
            try {
                drop(dialect, adminUrl, properties, name);
            } catch (SQLException dropFailed) {
                e.addSuppressed(dropFailed);
            }
            throw e;
        }
    }

    /** The URL as given, or its server without a database when the URL's own database does not exist. */
    private static Connection connectAdmin(MysqlDialect dialect, String serverUrl, Properties properties)
            throws SQLException {
        try {
            return dialect.connect(serverUrl, properties);
        } catch (SQLException e) {
            if (e.getErrorCode() != UNKNOWN_DATABASE) {
                throw e;
            }
            return dialect.connect(withDatabase(serverUrl, ""), properties);
        }
    }

    /** {@code CHARACTER SET x COLLATE y} of the connection's database, or nothing without one. */
    private static String defaultsOf(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@character_set_database, @@collation_database, DATABASE()")) {
            if (!rs.next() || rs.getString(3) == null) {
                return "";
            }
            return " CHARACTER SET " + rs.getString(1) + " COLLATE " + rs.getString(2);
        }
    }

    /** {@code url} with its database path replaced ({@code jdbc:mysql://hosts/db?params}). */
    static String withDatabase(String url, String database) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int hosts = base.indexOf("//");
        int slash = base.indexOf('/', hosts < 0 ? 0 : hosts + 2);
        String head = slash < 0 ? base : base.substring(0, slash);
        return head + "/" + database + params;
    }

    /** The URL without a password, for messages. */
    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public Connection connection() {
        return connection;
    }

    /**
     * Closes the scratch session, then drops the database from a new session (the script may have left the scratch
     * session in any state, even in another database through {@code USE}).
     */
    /** A new session on the scratch database: the script may have switched its own session elsewhere (USE). */
    @Override
    public Connection readSession() throws SQLException {
        if (reader == null) {
            reader = dialect.connect(withDatabase(serverUrl, name), properties);
        }
        return reader;
    }

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
            drop(dialect, serverUrl, properties, name);
        } catch (SQLException e) {
            SQLException dropFailed = new SQLException("mysql: could not drop the scratch database " + name
                    + "; drop it by hand: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            if (failure != null) {
                dropFailed.addSuppressed(failure);
            }
            failure = dropFailed;
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void drop(MysqlDialect dialect, String url, Properties properties, String name)
            throws SQLException {
        try (Connection admin = dialect.connect(url, properties); Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + dialect.quoteIdentifier(name));
        }
    }
}
