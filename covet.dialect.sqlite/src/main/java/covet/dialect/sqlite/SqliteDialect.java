package covet.dialect.sqlite;

import covet.api.Preconditions;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import covet.api.spi.Introspector;
import covet.api.spi.MigrationLock;
import covet.api.spi.ScratchDatabase;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/** SQLite: a file database whose table changes beyond renames and plain added columns are table rebuilds. */
public final class SqliteDialect implements Dialect {
    public static final String NAME = "sqlite";
    static final String URL_PREFIX = "jdbc:sqlite:";
    static final String DEFAULT_BUSY_TIMEOUT_MS = "60000";

    private static final Capabilities CAPABILITIES = new Capabilities(true, true, true, true, true, false);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(URL_PREFIX);
    }

    @Override
    public String jdbcUrl(String host, Integer port, String database) {
        Preconditions.notBlank(database, "sqlite: the database file path (DB_NAME)");
        return URL_PREFIX + database;
    }

    /**
     * Foreign keys off: the table rebuild drops and renames tables, and with them on, dropping a parent would fire
     * ON DELETE CASCADE ({@link #checkIntegrity} verifies them instead). DEFERRED transactions, so that the
     * driver's BEGIN after each commit takes no lock: {@link SqliteLock} takes the write lock explicitly.
     */
    @Override
    public Connection connect(String jdbcUrl, Properties properties) throws SQLException {
        Properties p = new Properties();
        if (properties != null) {
            p.putAll(properties);
        }
        p.setProperty("foreign_keys", "false");
        p.setProperty("transaction_mode", "DEFERRED");
        p.setProperty("busy_timeout", p.getProperty("busy_timeout", DEFAULT_BUSY_TIMEOUT_MS));
        // Not DriverManager: it cannot see a driver that sits in a plugin ModuleLayer with this dialect.
        Driver driver = new org.sqlite.JDBC();
        Connection connection = driver.connect(jdbcUrl, p);
        if (connection == null) {
            throw new SQLException("sqlite: not a SQLite JDBC URL: " + jdbcUrl);
        }
        return connection;
    }

    /** A file URL whose file is missing would create it; in-memory and other special URLs count as present. */
    @Override
    public boolean databaseExists(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:")) {
            return true;
        }
        return java.nio.file.Files.exists(java.nio.file.Path.of(file));
    }

    /** An in-memory database; the server URL is irrelevant for SQLite. Closing it discards everything. */
    @Override
    public ScratchDatabase createScratch(String serverUrl, Properties properties) throws SQLException {
        Connection c = connect("jdbc:sqlite::memory:", new Properties());
        return new ScratchDatabase() {
            @Override
            public Connection connection() {
                return c;
            }

            @Override
            public void close() throws SQLException {
                c.close();
            }
        };
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return SqliteDdl.quote(identifier);
    }

    @Override
    public List<String> render(Operation operation, Supplier<Schema> current) {
        return operation.accept(new SqliteRenderer(current));
    }

    @Override
    public void checkIntegrity(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(SqliteCatalogQueries.FOREIGN_KEY_CHECK)) {
            if (rs.next()) {
                String first = "table " + rs.getString(1) + " rowid " + rs.getString(2) + " references "
                        + rs.getString(3);
                int more = 0;
                while (rs.next()) {
                    more++;
                }
                throw new SQLException("sqlite: foreign key violation after migration: " + first
                        + (more > 0 ? " (and " + more + " more)" : ""));
            }
        }
    }

    /** SQLite's own statement ends: trigger bodies run to {@code END;} ({@link SqliteScriptSplitter}). */
    @Override
    public List<covet.api.sql.SqlScript.Statement> splitScript(String script) {
        return SqliteScriptSplitter.split(script);
    }

    @Override
    public java.util.Set<covet.api.model.ObjectKind> managedObjects() {
        return java.util.EnumSet.of(covet.api.model.ObjectKind.VIEW, covet.api.model.ObjectKind.TRIGGER,
                covet.api.model.ObjectKind.VIRTUAL_TABLE);
    }

    @Override
    public Introspector introspector() {
        return new SqliteIntrospector();
    }

    @Override
    public MigrationLock lock() {
        return new SqliteLock();
    }

    @Override
    public Schema normalize(Schema schema) {
        return SqliteNormalizer.normalize(schema);
    }
}
