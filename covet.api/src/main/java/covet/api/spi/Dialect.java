package covet.api.spi;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * One database: everything Covet knows about it lives behind this interface, found with {@link java.util.ServiceLoader}.
 * Error messages from a dialect start with its name, e.g. {@code "sqlite: ..."}.
 */
public interface Dialect {

    /** The API version this build of Covet speaks; a plugin returns the value it was compiled against. */
    int API_VERSION = 2;

    /** The dialect's name: {@code sqlite}, {@code postgresql}, {@code mysql}, ... Unique among installed plugins. */
    String name();

    /** Implement as {@code return Dialect.API_VERSION;} so the constant compiled into the plugin is reported. */
    int apiVersion();

    /** True for JDBC URLs this dialect serves. */
    boolean acceptsUrl(String jdbcUrl);

    /**
     * The JDBC URL for a host, port and database name (from {@code DB_HOST}, {@code DB_PORT}, {@code DB_NAME});
     * host and port may be null. For a file database the name is the file path.
     */
    String jdbcUrl(String host, Integer port, String database);

    /**
     * Opens a connection with the settings the dialect needs. A driver inside a plugin layer is invisible to
     * {@link java.sql.DriverManager}, so implementations load it through their own module's layer.
     */
    Connection connect(String jdbcUrl, Properties properties) throws SQLException;

    /**
     * False when connecting to {@code jdbcUrl} would create the database rather than open one (a SQLite file that
     * does not exist yet), so read-only commands can leave it alone.
     */
    default boolean databaseExists(String jdbcUrl) {
        return true;
    }

    Capabilities capabilities();

    /** Quotes an identifier the way this database does, always. */
    String quoteIdentifier(String identifier);

    /**
     * The statements that perform {@code operation}. {@code current} yields the schema just before it, for dialects
     * that must know the whole table (SQLite rebuilds); others need not call it.
     */
    List<String> render(Operation operation, Supplier<Schema> current);

    /**
     * Called by the runner after a migration's statements and before its history row, inside its transaction:
     * a dialect that switches checks off to do its work (SQLite's table rebuild) verifies them here and throws
     * when the data no longer holds.
     */
    default void checkIntegrity(Connection connection) throws SQLException {
    }

    /**
     * True for an operation this database cannot run inside a transaction (PostgreSQL's
     * {@code CREATE INDEX CONCURRENTLY}). The runner then runs its migration, which must hold nothing else, outside
     * one and records it after it succeeds.
     */
    default boolean runsOutsideTransaction(Operation operation) {
        return false;
    }

    /**
     * True when {@code statement}, which this dialect rendered for an operation (never a user's RunSQL), returns no
     * rows and may therefore be sent in one JDBC batch with the statements around it: fewer round trips, the same
     * statements. False (the default) sends each statement alone.
     */
    default boolean batchable(String statement) {
        return false;
    }

    /**
     * The kinds of named objects ({@link covet.api.model.SchemaObject}) this dialect creates, alters and drops.
     * A wanted schema holding another kind is named to the user, never dropped silently.
     */
    default java.util.Set<covet.api.model.ObjectKind> managedObjects() {
        return java.util.Set.of();
    }

    /**
     * Whether two normalised objects of one key need no change between them (their {@code dependsOn} already
     * cleared): equality by default. A database that stores bodies as typed may compare them without regard to
     * case, blanks and comments (MySQL's routines, triggers and events).
     */
    default boolean sameObject(covet.api.model.SchemaObject a, covet.api.model.SchemaObject b) {
        return a.equals(b);
    }

    /**
     * One statement as a script for this database's own command-line client writes it, its terminator included
     * ({@code --sql} output): by default the statement and a semicolon. MySQL wraps a trigger or routine whose body
     * holds semicolons in {@code DELIMITER}.
     */
    default String scriptStatement(String statement) {
        String s = statement.strip();
        return s.endsWith(";") ? s : s + ";";
    }

    /**
     * A hint that tells the user what to do about a failed statement where the database's own message does not
     * (PostgreSQL's "out of shared memory" names no setting: the hint names {@code max_locks_per_transaction}), or
     * null.
     */
    default String explainFailure(SQLException failure) {
        return null;
    }

    /**
     * The URL of schema {@code schema} in the database {@code jdbcUrl} names, for a fleet of one schema per tenant
     * ({@code covet migrate --targets}); a database without schemas in that sense says so.
     */
    default String urlForSchema(String jdbcUrl, String schema) {
        throw new UnsupportedOperationException(name() + ": has no schemas to list as fleet targets; list databases"
                + " or URLs instead");
    }

    /**
     * What the server behind {@code connection} is, where it matters to migrating (a Galera cluster of N nodes),
     * one line each, for {@code covet plugins}; empty for a plain server.
     */
    default List<String> describeServer(Connection connection) throws SQLException {
        return List.of();
    }

    Introspector introspector();

    MigrationLock lock();

    /**
     * A scratch database for reading SQL DDL back: SQLite in memory, or a temporary database created on the server
     * that {@code serverUrl} reaches (dropped again on close). Dialects that cannot make one say so.
     */
    default ScratchDatabase createScratch(String serverUrl, Properties properties) throws SQLException {
        throw new SQLException(name() + ": scratch databases are not supported by this dialect");
    }

    /**
     * The longest identifier this database keeps whole, measured by {@link #identifierLength}; 0 when it has no limit
     * to check. A longer name is refused when a migration is loaded, never truncated (PostgreSQL cuts to 63 bytes with
     * only a NOTICE, so two names could become one).
     */
    default int maxIdentifierLength() {
        return 0;
    }

    /** The length of {@code identifier} as this database counts it against its limit: characters by default. */
    default int identifierLength(String identifier) {
        return identifier.codePointCount(0, identifier.length());
    }

    /**
     * Every secret (password) {@code jdbcUrl} carries, as the driver itself reads the URL, so output can mask each
     * one whatever its spelling (a driver accepts more password properties and URL forms than a pattern knows).
     * Empty by default and when the driver cannot parse the URL.
     */
    default List<String> urlSecrets(String jdbcUrl) {
        return List.of();
    }

    /**
     * {@code value} as a string literal this database's own command-line client and server read back unchanged, for
     * printed scripts ({@code --sql}): standard SQL (quotes doubled) by default; MySQL also escapes backslashes.
     */
    default String quoteLiteral(String value) {
        return covet.api.sql.SqlBuilder.literal(value);
    }

    /** Splits an SQL script the way this database's own client does. */
    default List<covet.api.sql.SqlScript.Statement> splitScript(String script) {
        return covet.api.sql.SqlScript.split(script);
    }

    /**
     * The schema as this database would store it: types, defaults and generated names spelled the way its
     * introspector reports them, so that comparing a wanted schema with a live one shows no phantom change.
     */
    default Schema normalize(Schema schema) {
        return schema;
    }
}
