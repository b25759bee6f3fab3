package covet.spring;

import covet.engine.Covet;
import covet.engine.CovetBuilder;
import covet.engine.lint.LintPolicy;
import covet.engine.lint.LintRefusedException;
import covet.engine.lint.MigrationSelection;
import covet.engine.lint.ProjectLint;
import covet.engine.plugin.PluginRegistry;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's DataSource (or {@code covet.url}) at start-up with the migrations in
 * {@code covet.location}. Runs after the DataSource is configured (Boot 4's and Boot 3's auto-configuration
 * named both) and before anything that uses the database ({@link CovetDatabaseInitializerDetector}).
 */
@AutoConfiguration(afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"})
@ConditionalOnClass(Covet.class)
@ConditionalOnProperty(prefix = "covet", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(CovetProperties.class)
public class CovetAutoConfiguration {
    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    @Bean
    @ConditionalOnMissingBean
    public Covet covet(CovetProperties properties, ObjectProvider<DataSource> dataSource, ResourceLoader resources) {
        ClassLoader loader = resources.getClassLoader() != null ? resources.getClassLoader()
                : CovetAutoConfiguration.class.getClassLoader();
        CovetBuilder builder = Covet.builder().registry(PluginRegistry.of(loader));
        if (properties.getUrl() != null) {
            builder.url(properties.getUrl()).credentials(properties.getUser(), properties.getPassword());
        } else {
            DataSource source = dataSource.getIfUnique();
            if (source == null) {
                throw new IllegalStateException("Covet has no database to migrate: the application has no single "
                        + "DataSource and covet.url is not set (or set covet.enabled=false)");
            }
            builder.dataSource(source);
        }
        String location = properties.getLocation();
        if (location.startsWith(CLASSPATH)) {
            builder.classpathMigrations(location.substring(CLASSPATH.length()).replaceAll("^/+", ""), loader);
        } else {
            builder.migrationsDir(Path.of(location.startsWith(FILESYSTEM)
                    ? location.substring(FILESYSTEM.length()) : location));
        }
        if (properties.getApp() != null) {
            builder.app(properties.getApp());
        }
        if (properties.getLockTimeout() != null) {
            builder.lockTimeout(properties.getLockTimeout());
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public CovetMigrationInitializer covetMigrationInitializer(Covet covet, CovetProperties properties,
                                                               ObjectProvider<CovetMigrationStrategy> strategy) {
        return new CovetMigrationInitializer(covet, strategy.getIfAvailable(() -> defaultStrategy(properties)));
    }

    /** Lint the pending migrations (refusing as covet migrate does), then apply them up to covet.target. */
    static CovetMigrationStrategy defaultStrategy(CovetProperties properties) {
        return covet -> {
            String target = properties.getTarget();
            var blocking = LintPolicy.of(properties.getLint().getAllow(), properties.getLint().isStrict())
                    .blocking(ProjectLint.lint(covet, MigrationSelection.pending(covet, target)));
            if (!blocking.isEmpty()) {
                throw LintRefusedException.of("migrate", blocking);
            }
            covet.migrate(target, false, r -> { });
        };
    }
}
