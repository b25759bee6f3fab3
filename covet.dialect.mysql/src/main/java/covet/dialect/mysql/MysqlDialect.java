package covet.dialect.mysql;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterTable;
import covet.api.operation.DropColumn;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.Operation;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import covet.api.spi.Introspector;
import covet.api.spi.MigrationLock;
import covet.api.spi.ScratchDatabase;
import covet.api.sql.SqlScript;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * MySQL 8 and MariaDB 10.5+ through Connector/J. DDL is not transactional here: every statement commits, so the
 * runner records progress per operation. The SQL it renders is the subset both servers share (RENAME COLUMN,
 * DROP CONSTRAINT for checks), so rendering needs no connection.
 */
public final class MysqlDialect implements Dialect {
    static final String NAME = "mysql";
    private static final String PREFIX = "jdbc:mysql:";
    private static final Capabilities CAPABILITIES = new Capabilities(false, false, false, false, true, true);

    private final MysqlRenderer renderer = new MysqlRenderer(this::quoteIdentifier);
    private final MysqlIntrospector introspector = new MysqlIntrospector();
    private final MigrationLock lock = new ClusterAwareLock(new MysqlLock());

    @Override
    public String name() {
        return NAME;
    }

    /** MySQL and MariaDB: 64 characters for tables, columns, indexes and constraints. */
    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    /** {@code jdbc:mysql:} only: {@code jdbc:mariadb:} URLs need the MariaDB driver, which is not Connector/J. */
    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Read by Connector/J's own {@code ConnectionUrl} (reached by reflection: the driver is an automatic module the
     * dialect does not require by name): {@code password}, {@code password1..3}, key-store passwords, the
     * {@code user:pw@} form and each host's own properties.
     */
    @Override
    public List<String> urlSecrets(String jdbcUrl) {
        List<String> secrets = new ArrayList<>();
        try {
            ClassLoader loader = driver(jdbcUrl).getClass().getClassLoader();
            Class<?> type = Class.forName("com.mysql.cj.conf.ConnectionUrl", true, loader);
            Object url = type.getMethod("getConnectionUrlInstance", String.class, Properties.class)
                    .invoke(null, jdbcUrl, new Properties());
            addSecrets(secrets, (java.util.Map<?, ?>) type.getMethod("getOriginalProperties").invoke(url));
            for (Object host : (List<?>) type.getMethod("getHostsList").invoke(url)) {
                Object password = host.getClass().getMethod("getPassword").invoke(host);
                if (password instanceof String p) {
                    secrets.add(p);
                }
                addSecrets(secrets, (java.util.Map<?, ?>) host.getClass().getMethod("getHostProperties").invoke(host));
            }
        } catch (ReflectiveOperationException | SQLException | RuntimeException e) {
            // an URL the driver cannot read cannot connect either; the pattern-based masking still applies
        }
        return secrets;
    }

    private static void addSecrets(List<String> secrets, java.util.Map<?, ?> properties) {
        properties.forEach((key, value) -> {
            String k = String.valueOf(key).toLowerCase(Locale.ROOT);
            if ((k.contains("password") || k.contains("pwd")) && value != null) {
                secrets.add(String.valueOf(value));
            }
        });
    }

    /**
     * The escapes the mysql/mariadb client and the server (without NO_BACKSLASH_ESCAPES) read: a backslash starts an
     * escape, so a standard literal {@code 'a\'} would end later than it seems and run the rest as SQL.
     */
    @Override
    public String quoteLiteral(String value) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\0' -> b.append("\\0");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\u001a' -> b.append("\\Z");
                default -> b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    @Override
    public String jdbcUrl(String host, Integer port, String database) {
        String h = host == null || host.isBlank() ? "127.0.0.1" : host;
        int p = port == null ? 3306 : port;
        String db = database == null ? "" : URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        return PREFIX + "//" + (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + ":" + p + "/" + db;
    }

    /**
     * Connects through the Connector/J found on this module's layer ({@link java.sql.DriverManager} cannot see a
     * driver inside a plugin layer). The session runs in UTC unless the URL or properties say otherwise, so that
     * TIMESTAMP (timestamptz) values are stored and read as UTC instants.
     */
    @Override
    public Connection connect(String jdbcUrl, Properties properties) throws SQLException {
        if (jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:")) {
            throw new SQLException("mysql: " + jdbcUrl.substring(0, "jdbc:mariadb:".length())
                    + " URLs need the MariaDB driver, which Covet does not ship; write jdbc:mysql://host:port/db"
                    + " (Connector/J speaks to MariaDB too)");
        }
        if (!acceptsUrl(jdbcUrl)) {
            throw new SQLException("mysql: not a MySQL URL (expected jdbc:mysql://...): " + jdbcUrl);
        }
        Properties props = new Properties();
        if (properties != null) {
            props.putAll(properties);
        }
        String lowerUrl = jdbcUrl.toLowerCase(Locale.ROOT);
        putUnlessGiven(props, lowerUrl, "connectionTimeZone", "UTC");
        putUnlessGiven(props, lowerUrl, "forceConnectionTimeZoneToSession", "true");
        Driver driver = driver(jdbcUrl);
        Connection c = driver.connect(jdbcUrl, props);
        if (c == null) {
            throw new SQLException("mysql: the driver refused the URL " + jdbcUrl);
        }
        return c;
    }

    private static void putUnlessGiven(Properties props, String lowerUrl, String key, String value) {
        boolean inUrl = lowerUrl.contains("?" + key.toLowerCase(Locale.ROOT) + "=")
                || lowerUrl.contains("&" + key.toLowerCase(Locale.ROOT) + "=");
        if (!inUrl && props.stringPropertyNames().stream().noneMatch(k -> k.equalsIgnoreCase(key))) {
            props.setProperty(key, value);
        }
    }

    /**
     * The layer first (a plugin layer, or the boot layer on the module path); then this module's class loader,
     * which also sees a driver left on the class path (as surefire does with a driver no module requires).
     */
    private Driver driver(String jdbcUrl) throws SQLException {
        Module module = getClass().getModule();
        List<String> seen = new ArrayList<>();
        if (module.isNamed() && module.getLayer() != null) {
            Driver d = accepting(ServiceLoader.load(module.getLayer(), Driver.class), jdbcUrl, seen);
            if (d != null) {
                return d;
            }
        }
        Driver d = accepting(ServiceLoader.load(Driver.class, getClass().getClassLoader()), jdbcUrl, seen);
        if (d != null) {
            return d;
        }
        throw new SQLException("mysql: no JDBC driver for " + jdbcUrl + " beside the dialect (found " + seen
                + "); put mysql-connector-j next to covet.dialect.mysql");
    }

    private static Driver accepting(ServiceLoader<Driver> loader, String jdbcUrl, List<String> seen)
            throws SQLException {
        for (Driver d : loader) {
            seen.add(d.getClass().getName());
            if (d.acceptsURL(jdbcUrl)) {
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
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public List<String> render(Operation operation, Supplier<Schema> current) {
        // Four operations depend on what the table holds besides themselves: InnoDB's hidden foreign key
        // indexes, the key an AUTO_INCREMENT column needs, and the definition of a key whose comment changes.
        if (operation instanceof DropForeignKey) {
            DropForeignKey op = (DropForeignKey) operation;
            return renderer.dropForeignKey(op, currentTable(current, op.table()));
        }
        if (operation instanceof DropPrimaryKey) {
            DropPrimaryKey op = (DropPrimaryKey) operation;
            return renderer.dropPrimaryKey(op, currentTable(current, op.table()));
        }
        if (operation instanceof DropColumn) {
            DropColumn op = (DropColumn) operation;
            return renderer.dropColumn(op, currentTable(current, op.table()));
        }
        if (operation instanceof AlterTable op) {
            return renderer.alterTable(op, currentTable(current, op.table()));
        }
        if (operation instanceof AlterComment op) {
            return new MysqlKeyComment(renderer).statements(op, currentTable(current, op.table()));
        }
        return operation.accept(renderer);
    }

    private static Table currentTable(Supplier<Schema> current, String table) {
        Schema schema = current == null ? null : current.get();
        return schema == null ? null : schema.table(table).orElse(null);
    }

    @Override
    public Introspector introspector() {
        return introspector;
    }

    /** A Galera cluster and its size (the lock then is {@link GaleraLock}). */
    @Override
    public List<String> describeServer(Connection connection) throws SQLException {
        return GaleraCluster.detect(connection).map(GaleraCluster::describe).stream().toList();
    }

    @Override
    public MigrationLock lock() {
        return lock;
    }

    /** A temporary database on the server {@code serverUrl} reaches, dropped on close. */
    @Override
    public ScratchDatabase createScratch(String serverUrl, Properties properties) throws SQLException {
        return MysqlScratch.create(this, serverUrl, properties == null ? new Properties() : properties);
    }

    /** The mysql client's splitting: see {@link MysqlScript}. */
    @Override
    public List<SqlScript.Statement> splitScript(String script) {
        return MysqlScript.split(script);
    }

    /** Bodies compared without regard to case, blanks and comments: see {@link MysqlBodies}. */
    @Override
    public boolean sameObject(covet.api.model.SchemaObject a, covet.api.model.SchemaObject b) {
        return MysqlBodies.same(a, b);
    }

    /**
     * A trigger, routine or event whose body holds semicolons goes between {@code DELIMITER ;;} and
     * {@code DELIMITER ;}, so that the mariadb/mysql client sends it whole.
     */
    @Override
    public String scriptStatement(String statement) {
        String s = statement.strip();
        if (MysqlObjects.isCompound(s)) {
            return "DELIMITER ;;\n" + s + ";;\nDELIMITER ;";
        }
        return s.endsWith(";") ? s : s + ";";
    }

    /** Views, procedures, functions, triggers and events; see docs/dialects/mysql.md for what they compare. */
    @Override
    public java.util.Set<covet.api.model.ObjectKind> managedObjects() {
        return java.util.EnumSet.of(covet.api.model.ObjectKind.VIEW, covet.api.model.ObjectKind.FUNCTION,
                covet.api.model.ObjectKind.PROCEDURE, covet.api.model.ObjectKind.TRIGGER,
                covet.api.model.ObjectKind.EVENT);
    }

    @Override
    public Schema normalize(Schema schema) {
        return MysqlNormalizer.normalize(schema);
    }
}
