package covet.api.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A data migration written in Java, for changes plain SQL expresses badly (backfills computed in code, data moved
 * between tables with logic). Covet finds implementations with {@link java.util.ServiceLoader} (declare them with
 * {@code provides covet.api.migration.JavaMigration with ...} or in {@code META-INF/services}), in the
 * application's layer or in a jar under {@code plugins/}, and runs {@link #up} inside the migration's transaction
 * on the connection it is given.
 *
 * <p>Its checksum is taken over its class name and {@link #version()}: bump the version when you change what
 * {@code up} does, exactly as you would write a new migration file.
 */
public interface JavaMigration {

    /** The migration id, {@code YYYYMMDD_HHMMSS_name} like every other migration. */
    String id();

    default String app() {
        return Migration.DEFAULT_APP;
    }

    default List<String> dependencies() {
        return List.of();
    }

    /** Bumped by the author whenever {@link #up} changes. */
    int version();

    /** Does the work; must not commit or roll back (Covet owns the transaction). */
    void up(Connection connection) throws SQLException;

    /** True when {@link #down} undoes {@link #up}. */
    default boolean reversible() {
        return false;
    }

    /** Undoes {@link #up}; called only when {@link #reversible()} is true. */
    default void down(Connection connection) throws SQLException {
        throw new UnsupportedOperationException(getClass().getName() + " is not reversible");
    }
}
