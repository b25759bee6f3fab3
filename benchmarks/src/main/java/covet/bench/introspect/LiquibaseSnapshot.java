package covet.bench.introspect;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicReference;
import liquibase.CatalogAndSchema;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.snapshot.SnapshotControl;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.structure.core.Table;

/**
 * Liquibase's own introspection: a snapshot of the default schema with its default snapshot control. It follows
 * foreign keys recursively, so W3's chain of 1,000 FKs overflows a default thread stack (StackOverflowError in
 * DatabaseSnapshot.includeNestedObjects); it runs on a thread with a 1 GiB stack instead.
 */
public final class LiquibaseSnapshot {
    private static final long STACK = 1L << 30;

    private LiquibaseSnapshot() {
    }

    public static int read(Connection c) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(snapshot(c));
            } catch (Throwable e) {
                result.set(e);
            }
        }, "liquibase-snapshot", STACK);
        t.start();
        t.join();
        if (result.get() instanceof Throwable e) {
            throw new IllegalStateException("liquibase snapshot failed: " + e, e);
        }
        return (Integer) result.get();
    }

    private static int snapshot(Connection c) throws Exception {
        Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        DatabaseSnapshot snapshot = SnapshotGeneratorFactory.getInstance()
                .createSnapshot(new CatalogAndSchema(null, null), db, new SnapshotControl(db));
        return snapshot.get(Table.class).size();
    }
}
