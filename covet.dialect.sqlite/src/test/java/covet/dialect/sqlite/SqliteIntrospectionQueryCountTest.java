package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Introspection costs the same number of queries for 3 tables as for 30. */
class SqliteIntrospectionQueryCountTest {

    @TempDir
    Path dir;

    @Test
    void queryCountDoesNotGrowWithTables() throws Exception {
        int few = queriesFor(3);
        int many = queriesFor(30);
        assertEquals(few, many);
        assertTrue(few <= 5, "queries: " + few); // four for tables, one for views, triggers and virtual tables
    }

    private int queriesFor(int tables) throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("count" + tables + ".db"))) {
            for (int i = 0; i < tables; i++) {
                db.exec("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY, p INTEGER REFERENCES t0 (id),"
                                + " name TEXT UNIQUE CHECK (name <> ''))",
                        "CREATE INDEX ix_t" + i + " ON t" + i + " (lower(name)) WHERE p > 0");
            }
            AtomicInteger count = new AtomicInteger();
            Schema s = db.dialect.introspector().introspect(counting(db.connection, count));
            assertEquals(tables, s.tables().size());
            assertEquals(1, s.tables().get(tables - 1).indexes().size());
            return count.get();
        }
    }

    /** A Connection whose statements count every execute call. */
    private static Connection counting(Connection real, AtomicInteger count) {
        InvocationHandler onConnection = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (result instanceof PreparedStatement) {
                return countingStatement(result, PreparedStatement.class, count);
            }
            if (result instanceof Statement) {
                return countingStatement(result, Statement.class, count);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, onConnection);
    }

    private static Object countingStatement(Object real, Class<?> type, AtomicInteger count) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                count.incrementAndGet();
            }
            return invoke(real, method, args);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
