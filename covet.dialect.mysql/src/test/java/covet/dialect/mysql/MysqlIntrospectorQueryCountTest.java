package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Introspection costs the same number of statements for 5 tables as for 60. */
class MysqlIntrospectorQueryCountTest {
    private static MysqlTestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = MysqlTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    /** A connection that counts the statements opened through it. */
    private static Connection counting(Connection real, AtomicInteger count) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    String n = method.getName();
                    if (n.equals("prepareStatement") || n.equals("createStatement") || n.equals("prepareCall")) {
                        count.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void createTables(Connection c, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            db.execute(c, "CREATE TABLE t" + i + " (id INT PRIMARY KEY, parent INT, name VARCHAR(20) NOT NULL"
                    + " DEFAULT 'x', UNIQUE KEY t" + i + "_name (name), KEY t" + i + "_parent (parent),"
                    + " CONSTRAINT t" + i + "_fk FOREIGN KEY (parent) REFERENCES t" + i + " (id),"
                    + " CONSTRAINT t" + i + "_ck CHECK (id > 0)) COMMENT 'table " + i + "'");
        }
    }

    private static int countFor(Connection c, int expectedTables) throws SQLException {
        AtomicInteger count = new AtomicInteger();
        Schema s = db.dialect.introspector().introspect(counting(c, count));
        assertEquals(expectedTables, s.tables().size());
        s.tables().forEach(t -> {
            assertEquals(1, t.foreignKeys().size(), t.name());
            assertEquals(1, t.checks().size(), t.name());
            assertEquals(1, t.uniques().size(), t.name());
            assertEquals(1, t.indexes().size(), t.name());
        });
        return count.get();
    }

    @Test
    void queryCountDoesNotGrowWithTables() throws SQLException {
        try (Connection c = db.connect()) {
            createTables(c, 0, 5);
            int five = countFor(c, 5);
            createTables(c, 5, 60);
            int sixty = countFor(c, 60);
            assertTrue(five > 0, "the proxy saw the introspector's statements");
            assertEquals(five, sixty, "statements for 5 tables vs 60 tables");
        }
    }
}
