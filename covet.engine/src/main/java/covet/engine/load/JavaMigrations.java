package covet.engine.load;

import covet.api.migration.JavaMigration;
import covet.api.migration.Migration;
import covet.api.operation.RunJava;
import java.util.List;

/** A Java data migration seen as a migration: one {@link RunJava} operation naming its class and version. */
public final class JavaMigrations {
    private JavaMigrations() {
    }

    public static Migration asMigration(JavaMigration java) {
        String className = java.getClass().getName();
        return new Migration(java.id(), java.app(), java.dependencies(),
                List.of(new RunJava(className, java.version(), java.reversible(), false)), "java:" + className);
    }
}
