package covet.spring;

import covet.engine.Covet;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the migration strategy when the context creates it. Every bean that needs the database (the JPA
 * EntityManagerFactory, JdbcTemplate, beans marked {@code @DependsOnDatabaseInitialization}) is made to depend on
 * it by {@link CovetDatabaseInitializerDetector}, so they start on the migrated schema.
 */
public class CovetMigrationInitializer implements InitializingBean {
    private final Covet covet;
    private final CovetMigrationStrategy strategy;

    public CovetMigrationInitializer(Covet covet, CovetMigrationStrategy strategy) {
        this.covet = covet;
        this.strategy = strategy;
    }

    @Override
    public void afterPropertiesSet() {
        strategy.migrate(covet);
    }
}
