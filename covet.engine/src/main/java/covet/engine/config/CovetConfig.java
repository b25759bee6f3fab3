package covet.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The resolved settings of one run. Either {@code url} is set, or {@code engine} (a dialect name) with
 * {@code host}/{@code port}/{@code database} from which the dialect builds the URL.
 *
 * @param schema        the wanted schema for makemigrations (a schema file or SQL DDL), or null
 * @param models        compiled model classes (a folder or jar) for makemigrations, or null
 * @param modelsPackage only model classes in this package (and below), or null for all
 * @param devUrl        a database makemigrations may use as scratch space for SQL DDL, or null
 * @param maxOperationsPerMigration makemigrations splits a larger migration into a chain (one transaction each must
 *                      fit the server's lock table)
 * @param origins for each setting that was given, where it came from ("option --url", "environment COVET_URL",
 *                "/path/covet.yaml", "default"), so a message can say which setting to fix
 */
public record CovetConfig(String url, String engine, String host, Integer port, String database, String user,
                          String password, String dialect, Path projectRoot, Path migrationsDir, String app,
                          Duration lockTimeout, Path schema, Path models, String modelsPackage, String devUrl,
                          int maxOperationsPerMigration, Map<String, String> origins) {

    public CovetConfig {
        origins = Map.copyOf(origins);
        if (maxOperationsPerMigration < 1) {
            throw new ConfigException("max_operations_per_migration must be at least 1, not "
                    + maxOperationsPerMigration + " (from " + origins.getOrDefault("max_operations_per_migration",
                    "default") + ")");
        }
    }

    /** Settings without a limit of their own: makemigrations splits at the default number of operations. */
    public CovetConfig(String url, String engine, String host, Integer port, String database, String user,
                       String password, String dialect, Path projectRoot, Path migrationsDir, String app,
                       Duration lockTimeout, Path schema, Path models, String modelsPackage, String devUrl,
                       Map<String, String> origins) {
        this(url, engine, host, port, database, user, password, dialect, projectRoot, migrationsDir, app,
                lockTimeout, schema, models, modelsPackage, devUrl, covet.engine.MigrationChain.DEFAULT_MAX_OPERATIONS,
                origins);
    }

    /** The user and password as JDBC connection properties. */
    public Properties connectionProperties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    public String origin(String setting) {
        return origins.getOrDefault(setting, "default");
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "CovetConfig[url=" + Redactor.redactUrl(url) + ", engine=" + engine + ", host=" + host + ", port="
                + port + ", database=" + database + ", user=" + user + ", password="
                + (password == null ? "none" : "****") + ", dialect=" + dialect + ", projectRoot=" + projectRoot
                + ", migrationsDir=" + migrationsDir + ", app=" + app + "]";
    }
}
