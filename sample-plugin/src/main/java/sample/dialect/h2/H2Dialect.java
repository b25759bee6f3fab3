package sample.dialect.h2;

import covet.api.model.Schema;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.Operation;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import covet.api.spi.Introspector;
import covet.api.spi.MigrationLock;
import covet.api.spi.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * H2 2.x, embedded (file or memory) or over TCP. Every identifier is quoted, and connections open with
 * {@code DATABASE_TO_LOWER=TRUE} so that the unquoted names users write in checks and RunSQL mean the same
 * lower-case tables and columns. H2 commits before each DDL statement, so DDL is not transactional.
 */
public final class H2Dialect implements Dialect {
    static final String NAME = "h2";
    private static final String PREFIX = "jdbc:h2:";
    private static final Capabilities CAPABILITIES = new Capabilities(false, false, false, false, true, true);

    private final H2Renderer renderer = new H2Renderer(this::quoteIdentifier);
    private final H2Introspector introspector = new H2Introspector();
    private final H2Lock lock = new H2Lock(this);
    /** What each open connection was opened with, so the lock can open its own session to the same database. */
    private final Map<Connection, Opened> opened = new WeakHashMap<>();

    record Opened(String url, Properties properties) {
    }

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
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** A file database by path (H2 refuses paths implicitly relative to the working folder), or a TCP server. */
    @Override
    public String jdbcUrl(String host, Integer port, String database) {
        if (host == null || host.isBlank()) {
            return PREFIX + "file:" + Path.of(database).toAbsolutePath().normalize();
        }
        return PREFIX + "tcp://" + host + (port == null ? "" : ":" + port) + "/" + database;
    }

    @Override
    public Connection connect(String jdbcUrl, Properties properties) throws SQLException {
        if (!acceptsUrl(jdbcUrl)) {
            throw new SQLException("h2: not an H2 URL (expected jdbc:h2:...): " + jdbcUrl);
        }
        String url = jdbcUrl.toUpperCase(Locale.ROOT).contains(";DATABASE_TO_") ? jdbcUrl
                : jdbcUrl + ";DATABASE_TO_LOWER=TRUE";
        Properties props = new Properties();
        if (properties != null) {
            props.putAll(properties);
        }
        if (props.getProperty("user") == null && !url.toUpperCase(Locale.ROOT).contains(";USER=")) {
            props.setProperty("user", "sa");
        }
        Connection c = driver(url).connect(url, props);
        if (c == null) {
            throw new SQLException("h2: the driver refused the URL " + jdbcUrl);
        }
        synchronized (opened) {
            opened.put(c, new Opened(url, props));
        }
        return c;
    }

    /** How {@code connection} was opened, or null when this dialect did not open it. */
    Opened openedWith(Connection connection) {
        synchronized (opened) {
            return opened.get(connection);
        }
    }

    /**
     * The driver on this module's layer (a plugin layer is invisible to DriverManager), else the one this class's
     * loader sees (class path use).
     */
    private Driver driver(String url) throws SQLException {
        Module module = getClass().getModule();
        List<String> seen = new ArrayList<>();
        if (module.isNamed() && module.getLayer() != null) {
            Driver d = accepting(ServiceLoader.load(module.getLayer(), Driver.class), url, seen);
            if (d != null) {
                return d;
            }
        }
        Driver d = accepting(ServiceLoader.load(Driver.class, getClass().getClassLoader()), url, seen);
        if (d != null) {
            return d;
        }
        throw new SQLException("h2: no H2 JDBC driver beside the dialect (drivers found: " + seen
                + "); put the h2 jar next to the sample.dialect.h2 jar in plugins/");
    }

    private static Driver accepting(ServiceLoader<Driver> loader, String url, List<String> seen)
            throws SQLException {
        for (Driver d : loader) {
            seen.add(d.getClass().getName());
            if (d.acceptsURL(url)) {
                return d;
            }
        }
        return null;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public List<String> render(Operation operation, Supplier<Schema> current) {
        // the one operation that must know the table as it stands: which key columns the model holds nullable
        if (operation instanceof DropPrimaryKey drop) {
            Schema schema = current == null ? null : current.get();
            return renderer.dropPrimaryKey(drop, schema == null ? null : schema.table(drop.table()).orElse(null));
        }
        return operation.accept(renderer);
    }

    @Override
    public Introspector introspector() {
        return introspector;
    }

    @Override
    public MigrationLock lock() {
        return lock;
    }

    /** A private in-memory database; it disappears with its last connection. */
    @Override
    public ScratchDatabase createScratch(String serverUrl, Properties properties) throws SQLException {
        Connection c = connect(PREFIX + "mem:covet_scratch_" + UUID.randomUUID().toString().replace("-", ""),
                properties);
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
    public Schema normalize(Schema schema) {
        return H2Normalizer.normalize(schema);
    }
}
