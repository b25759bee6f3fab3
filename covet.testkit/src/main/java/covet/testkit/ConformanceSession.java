package covet.testkit;

import covet.api.model.ForeignKey;
import covet.api.model.ObjectKind;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropObject;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;
import covet.api.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A connection to the conformance database used the way Covet's runner uses it: manual commit where DDL is
 * transactional, each operation rendered against the live schema, {@link Dialect#checkIntegrity} before commit.
 * Every failure names the operation and the SQL.
 */
final class ConformanceSession implements AutoCloseable {
    private final Dialect dialect;
    private final Connection connection;
    private final boolean transactional;

    ConformanceSession(Dialect dialect, String url, Properties properties) throws SQLException {
        this.dialect = dialect;
        this.connection = dialect.connect(url, properties);
        this.transactional = dialect.capabilities().transactionalDdl();
        connection.setAutoCommit(!transactional);
    }

    Connection connection() {
        return connection;
    }

    /** Renders and runs {@code op}, returning the statements it ran. */
    List<String> apply(Operation op, String phase) {
        Schema live = introspect();
        List<String> sql;
        try {
            sql = dialect.render(op, () -> live);
        } catch (RuntimeException e) {
            throw new AssertionError(dialect.name() + ": " + phase + ": " + op.kind() + " (" + op.describe()
                    + ") could not be rendered: " + e.getMessage(), e);
        }
        String current = null;
        try (Statement s = connection.createStatement()) {
            for (String statement : sql) {
                current = statement;
                s.execute(statement);
            }
            current = "(integrity check after the statements)";
            dialect.checkIntegrity(connection);
            commit();
        } catch (SQLException e) {
            rollbackQuietly();
            throw new AssertionError(dialect.name() + ": " + phase + ": " + op.kind() + " (" + op.describe()
                    + ") failed on the database: " + e.getMessage() + "\n  failing SQL: " + current
                    + "\n  all SQL:\n" + indent(sql), e);
        }
        return sql;
    }

    Schema introspect() {
        try {
            Schema s = dialect.introspector().introspect(connection);
            commit();
            return s;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new AssertionError(dialect.name() + ": the introspector failed: " + e.getMessage(), e);
        }
    }

    /**
     * Drops everything the introspector sees, so each scenario starts empty: views and triggers (which need
     * tables), foreign keys between tables, partitions before their parents, the tables, then the other objects in
     * the reverse of their creation order.
     */
    void dropEverything() {
        Schema live = introspect();
        dropObjects(live, k -> k.compareTo(ObjectKind.VIEW) >= 0);
        for (Table t : live.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (!fk.referencedTable().equals(t.name())) {
                    apply(new DropForeignKey(t.name(), fk.name(), fk), "cleanup");
                }
            }
        }
        List<Table> tables = new ArrayList<>(introspect().tables());
        tables.sort(Comparator.comparing((Table t) -> t.partitionOf() == null));
        for (Table t : tables) {
            if (introspect().table(t.name()).isPresent()) {
                apply(new DropTable(t.name(), null), "cleanup");
            }
        }
        dropObjects(introspect(), k -> true);
    }

    private void dropObjects(Schema live, Predicate<ObjectKind> kinds) {
        List<SchemaObject> objects = new ArrayList<>(live.objects());
        objects.sort(Comparator.comparing(SchemaObject::kind).reversed());
        for (SchemaObject o : objects) {
            if (kinds.test(o.kind()) && introspect().object(o.key()).isPresent()) {
                apply(new DropObject(o), "cleanup");
            }
        }
    }

    void commit() throws SQLException {
        if (transactional) {
            connection.commit();
        }
    }

    private void rollbackQuietly() {
        if (transactional) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the next statement reports a broken connection better than this would
            }
        }
    }

    static String indent(List<String> sql) {
        StringBuilder b = new StringBuilder();
        sql.forEach(s -> b.append("    ").append(s.replace("\n", "\n    ")).append(";\n"));
        return b.toString();
    }

    @Override
    public void close() throws SQLException {
        rollbackQuietly();
        connection.close();
    }
}
