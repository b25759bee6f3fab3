package covet.dialect.postgres;

import covet.api.model.ObjectKind;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import covet.api.spi.Introspector;
import covet.api.spi.MigrationLock;
import covet.api.spi.ScratchDatabase;
import covet.api.sql.SqlScript;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/** PostgreSQL 13 and later, through pgjdbc. */
public final class PostgresDialect implements Dialect {
    static final String URL_PREFIX = "jdbc:postgresql:";
    /** SQLSTATE out_of_memory, raised as "out of shared memory" when the lock table is full. */
    private static final String OUT_OF_SHARED_MEMORY = "53200";
    private static final Capabilities CAPABILITIES = new Capabilities(true, false, true, true, true, true);

    private final PostgresIntrospector introspector = new PostgresIntrospector();
    private final PostgresLock lock = new PostgresLock();

    @Override
    public String name() {
        return "postgresql";
    }

    /** NAMEDATALEN - 1: PostgreSQL truncates a longer name with only a NOTICE. */
    @Override
    public int maxIdentifierLength() {
        return PostgresNames.MAX_IDENTIFIER;
    }

    /** PostgreSQL's limit is in bytes of the database encoding (UTF-8). */
    @Override
    public int identifierLength(String identifier) {
        return identifier.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith(URL_PREFIX);
    }

    /** Read by pgjdbc's own parser: {@code password}, {@code sslpassword} and any other password property. */
    @Override
    public List<String> urlSecrets(String jdbcUrl) {
        Properties parsed;
        try {
            parsed = org.postgresql.Driver.parseURL(jdbcUrl, new Properties());
        } catch (RuntimeException e) {
            return List.of();
        }
        if (parsed == null) {
            return List.of();
        }
        List<String> secrets = new java.util.ArrayList<>();
        for (String key : parsed.stringPropertyNames()) {
            String k = key.toLowerCase(java.util.Locale.ROOT);
            if (k.contains("password") || k.contains("pwd")) {
                secrets.add(parsed.getProperty(key));
            }
        }
        return secrets;
    }

    @Override
    public String jdbcUrl(String host, Integer port, String database) {
        String h = host == null || host.isBlank() ? "127.0.0.1" : host;
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        int p = port == null ? 5432 : port;
        return URL_PREFIX + "//" + h + ":" + p + "/" + (database == null ? "" : database);
    }

    /**
     * Connects through the driver found on this module's layer: a driver inside a plugin layer is invisible to
     * DriverManager.
     */
    @Override
    public Connection connect(String jdbcUrl, Properties properties) throws SQLException {
        Properties props = properties == null ? new Properties() : properties;
        SQLException refused = null;
        for (Driver driver : drivers()) {
            try {
                if (driver.acceptsURL(jdbcUrl)) {
                    Connection c = driver.connect(jdbcUrl, props);
                    if (c != null) {
                        return c;
                    }
                }
            } catch (SQLException e) {
                if (refused == null) {
                    refused = e;
                } else {
                    refused.addSuppressed(e);
                }
            }
        }
        if (refused != null) {
            throw refused;
        }
        throw new SQLException("postgresql: no JDBC driver accepts " + redact(jdbcUrl)
                + " (is the PostgreSQL driver, org.postgresql:postgresql, next to this plugin?)", "08001");
    }

    /** The drivers of this module's layer, then those its class loader sees (class path use), each once. */
    private List<Driver> drivers() {
        Map<String, Driver> found = new LinkedHashMap<>();
        ModuleLayer layer = getClass().getModule().getLayer();
        if (layer != null) {
            ServiceLoader.load(layer, Driver.class).forEach(d -> found.putIfAbsent(d.getClass().getName(), d));
        }
        ServiceLoader.load(Driver.class, getClass().getClassLoader())
                .forEach(d -> found.putIfAbsent(d.getClass().getName(), d));
        return List.copyOf(found.values());
    }

    /** The URL without a password, for messages. */
    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return PostgresNames.quote(identifier);
    }

    @Override
    public List<String> render(Operation operation, Supplier<Schema> current) {
        return operation.accept(new PostgresRenderer(current));
    }

    /** {@code CREATE/DROP INDEX CONCURRENTLY} cannot run inside a transaction block. */
    @Override
    public boolean runsOutsideTransaction(Operation operation) {
        return (operation instanceof covet.api.operation.CreateIndex c && c.concurrently())
                || (operation instanceof covet.api.operation.DropIndex d && d.concurrently());
    }

    /**
     * pgjdbc sends a {@code Statement} batch in one round trip and says which entry failed; the statements this
     * dialect renders return no rows, except its {@code SELECT setval(...)} and {@code SELECT 1 ...} checks.
     */
    @Override
    public boolean batchable(String statement) {
        return !statement.regionMatches(true, 0, "SELECT", 0, 6);
    }

    /** Every kind: PostgreSQL has each of them. */
    @Override
    public Set<ObjectKind> managedObjects() {
        return EnumSet.allOf(ObjectKind.class);
    }

    /**
     * "out of shared memory" (SQLSTATE 53200) names no setting: each relation a transaction touches takes a lock
     * slot, and the server's lock table holds about max_locks_per_transaction x (max_connections +
     * max_prepared_transactions) of them.
     */
    @Override
    public String explainFailure(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && OUT_OF_SHARED_MEMORY.equals(((SQLException) t).getSQLState())) {
                return "the migration's transaction locks more relations than the server's lock table holds"
                        + " (max_locks_per_transaction, 64 by default, x max_connections): split the migration into"
                        + " smaller ones (makemigrations writes a large change as a chain of migrations of at most"
                        + " max_operations_per_migration operations; see docs/configuration.md), or raise"
                        + " max_locks_per_transaction in postgresql.conf and restart the server";
            }
        }
        return null;
    }

    @Override
    public Introspector introspector() {
        return introspector;
    }

    @Override
    public MigrationLock lock() {
        return lock;
    }

    /** A temporary database on the server {@code serverUrl} reaches, dropped on close. */
    @Override
    public ScratchDatabase createScratch(String serverUrl, Properties properties) throws SQLException {
        return PostgresScratch.create(this, serverUrl, properties == null ? new Properties() : properties);
    }

    /** psql's splitting: see {@link PostgresScript}. */
    @Override
    public List<SqlScript.Statement> splitScript(String script) {
        return PostgresScript.split(script);
    }

    @Override
    public Schema normalize(Schema schema) {
        return PostgresNormalizer.normalize(schema);
    }

    /**
     * The URL with pgjdbc's {@code currentSchema} set to {@code schema} (it becomes the search path: tables, the
     * history and the lock key all follow it), replacing one the URL already had.
     */
    @Override
    public String urlForSchema(String jdbcUrl, String schema) {
        String cleaned = jdbcUrl.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return cleaned + (cleaned.contains("?") ? "&" : "?") + "currentSchema="
                + java.net.URLEncoder.encode(schema, java.nio.charset.StandardCharsets.UTF_8);
    }
}
