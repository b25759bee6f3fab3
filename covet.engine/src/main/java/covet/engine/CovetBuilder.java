package covet.engine;

import covet.api.Preconditions;
import covet.api.migration.Migration;
import covet.engine.config.CovetConfig;
import covet.engine.plugin.PluginRegistry;
import covet.engine.run.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Configures Covet from application code. Give a JDBC URL (Covet opens and closes its connections) or a
 * {@link DataSource} (Covet borrows connections and returns them with autocommit as it found them), and where the
 * migrations are: a folder, a class-path location (so they ship inside the application jar), or migrations built in
 * code.
 *
 * <pre>{@code
 * Covet covet = Covet.builder().url("jdbc:sqlite:app.db").classpathMigrations("db/covet").build();
 * covet.migrate();
 * }</pre>
 */
public final class CovetBuilder {
    private String url;
    private String user;
    private String password;
    private String dialect;
    private DataSource dataSource;
    private String app = Migration.DEFAULT_APP;
    private MigrationLocation location;
    private PluginRegistry registry;
    private RunListener listener = RunListener.NONE;
    private Duration lockTimeout = Duration.ofMinutes(5);
    private List<covet.api.migration.JavaMigration> javaMigrations = List.of();
    private boolean group;

    CovetBuilder() {
    }

    public CovetBuilder url(String jdbcUrl) {
        this.url = jdbcUrl;
        return this;
    }

    public CovetBuilder credentials(String userName, String secret) {
        this.user = userName;
        this.password = secret;
        return this;
    }

    /** The application's pool or driver DataSource; Covet never closes it. */
    public CovetBuilder dataSource(DataSource source) {
        this.dataSource = source;
        return this;
    }

    /** Use this dialect whatever the URL says. */
    public CovetBuilder dialect(String name) {
        this.dialect = name;
        return this;
    }

    public CovetBuilder app(String appName) {
        this.app = appName;
        return this;
    }

    public CovetBuilder migrationsDir(Path dir) {
        this.location = MigrationLocation.folder(dir);
        return this;
    }

    /** Migrations in a class-path folder such as {@code db/covet}, in a jar or a directory. */
    public CovetBuilder classpathMigrations(String resourceFolder) {
        return classpathMigrations(resourceFolder, Thread.currentThread().getContextClassLoader());
    }

    public CovetBuilder classpathMigrations(String resourceFolder, ClassLoader loader) {
        this.location = new MigrationLocation.ClassPath(resourceFolder, loader);
        return this;
    }

    /** Migrations built in code (see {@code Migration.named}). */
    public CovetBuilder migrations(List<Migration> migrations) {
        this.location = new MigrationLocation.InCode(List.copyOf(migrations));
        return this;
    }

    /** Java data migrations to run besides those ServiceLoader finds. */
    public CovetBuilder javaMigrations(List<covet.api.migration.JavaMigration> migrations) {
        this.javaMigrations = List.copyOf(migrations);
        return this;
    }

    /** Providers from this layer and its parents (a plugin layer the application built). */
    public CovetBuilder pluginLayer(ModuleLayer layer) {
        this.registry = PluginRegistry.of(layer);
        return this;
    }

    public CovetBuilder registry(PluginRegistry pluginRegistry) {
        this.registry = pluginRegistry;
        return this;
    }

    public CovetBuilder listener(RunListener runListener) {
        this.listener = Preconditions.notNull(runListener, "listener");
        return this;
    }

    public CovetBuilder lockTimeout(Duration timeout) {
        this.lockTimeout = timeout;
        return this;
    }

    /**
     * {@code migrate} applies all pending migrations in one transaction, all or nothing (as Flyway's {@code group});
     * refused where DDL is not transactional (MySQL, MariaDB).
     */
    public CovetBuilder group(boolean grouped) {
        this.group = grouped;
        return this;
    }

    public Covet build() {
        Preconditions.check(url != null || dataSource != null, "Covet needs a JDBC URL or a DataSource");
        Path here = Path.of("").toAbsolutePath();
        Map<String, String> origins = new HashMap<>();
        if (url != null) {
            origins.put("url", "Covet.builder().url");
        }
        CovetConfig config = new CovetConfig(url, null, null, null, null, user, password, dialect, here,
                here.resolve("migrations"), app, lockTimeout, null, null, null, null, origins);
        return new Covet(config, registry != null ? registry : PluginRegistry.discover(), dataSource,
                location != null ? location : MigrationLocation.folder(config.migrationsDir()), listener,
                javaMigrations, group);
    }
}
