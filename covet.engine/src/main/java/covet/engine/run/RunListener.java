package covet.engine.run;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hooks around a run, for progress output, metrics and logs. Every method has an empty default; a listener that
 * throws stops the run like a failed statement would.
 */
public interface RunListener {
    /** No hooks. */
    RunListener NONE = new RunListener() {
    };

    /** {@code direction} is {@link MigrationResult#APPLY} or {@link MigrationResult#REVERT}. */
    default void beforeMigration(Migration migration, String direction) {
    }

    /** {@code index} is 0-based in the migration's operation list. */
    default void beforeOperation(Migration migration, int index, Operation operation) {
    }

    default void afterOperation(Migration migration, int index, Operation operation, List<String> statements) {
    }

    default void afterMigration(MigrationResult result) {
    }

    default void onFailure(Migration migration, RuntimeException failure) {
    }

    /** Something worth a look that stops nothing, e.g. drift between the database and the migrations. */
    default void onWarning(String warning) {
    }

    /** A listener that only hears about finished migrations. */
    static RunListener afterEach(Consumer<MigrationResult> consumer) {
        return new RunListener() {
            @Override
            public void afterMigration(MigrationResult result) {
                consumer.accept(result);
            }
        };
    }

    /** This listener, then {@code other}. */
    default RunListener andThen(RunListener other) {
        RunListener first = this;
        return new RunListener() {
            @Override
            public void beforeMigration(Migration migration, String direction) {
                first.beforeMigration(migration, direction);
                other.beforeMigration(migration, direction);
            }

            @Override
            public void beforeOperation(Migration migration, int index, Operation operation) {
                first.beforeOperation(migration, index, operation);
                other.beforeOperation(migration, index, operation);
            }

            @Override
            public void afterOperation(Migration migration, int index, Operation operation, List<String> sql) {
                first.afterOperation(migration, index, operation, sql);
                other.afterOperation(migration, index, operation, sql);
            }

            @Override
            public void afterMigration(MigrationResult result) {
                first.afterMigration(result);
                other.afterMigration(result);
            }

            @Override
            public void onFailure(Migration migration, RuntimeException failure) {
                first.onFailure(migration, failure);
                other.onFailure(migration, failure);
            }

            @Override
            public void onWarning(String warning) {
                first.onWarning(warning);
                other.onWarning(warning);
            }
        };
    }
}
