package covet.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/** Tells Spring Boot that {@link CovetMigrationInitializer} initializes the database (as Flyway's detector does). */
public class CovetDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {
    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(CovetMigrationInitializer.class);
    }

    /** Before the JPA initializer (spring.jpa.defer-datasource-initialization), like Flyway. */
    @Override
    public int getOrder() {
        return 1;
    }
}
