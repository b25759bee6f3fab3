package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.spi.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDialectTest {
    private final SqliteDialect dialect = new SqliteDialect();

    @TempDir
    Path dir;

    @Test
    void isFoundThroughServiceLoader() {
        getClass().getModule().addUses(Dialect.class);
        List<String> names = ServiceLoader.load(Dialect.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("sqlite"), names.toString());
    }

    @Test
    void urlsAndQuoting() {
        assertEquals("sqlite", dialect.name());
        assertEquals(Dialect.API_VERSION, dialect.apiVersion());
        assertTrue(dialect.acceptsUrl("jdbc:sqlite:covet.db"));
        assertFalse(dialect.acceptsUrl("jdbc:postgresql://x/y"));
        assertEquals("jdbc:sqlite:/tmp/a.db", dialect.jdbcUrl(null, null, "/tmp/a.db"));
        assertEquals("\"a\"\"b\"", dialect.quoteIdentifier("a\"b"));
        assertTrue(dialect.capabilities().transactionalDdl());
        assertFalse(dialect.capabilities().alterColumnInPlace());
    }

    @Test
    void connectsWithForeignKeysOffAndABusyTimeout() throws SQLException {
        String url = dialect.jdbcUrl(null, null, dir.resolve("c.db").toString());
        Properties wantsFks = new Properties();
        wantsFks.setProperty("foreign_keys", "true");
        try (Connection c = dialect.connect(url, wantsFks)) {
            assertEquals(0, pragma(c, "foreign_keys"));
            assertEquals(60000, pragma(c, "busy_timeout"));
        }
        Properties quick = new Properties();
        quick.setProperty("busy_timeout", "1234");
        try (Connection c = dialect.connect(url, quick)) {
            assertEquals(1234, pragma(c, "busy_timeout"));
        }
    }

    @Test
    void aQuotedIdentifierWithQuotesRoundTrips() throws SQLException {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("q.db"))) {
            db.exec("CREATE TABLE " + dialect.quoteIdentifier("we\"ird") + " (" + dialect.quoteIdentifier("c\"1")
                    + " TEXT)");
            assertEquals("c\"1", db.introspect().requireTable("we\"ird").columns().get(0).name());
            assertTrue(dialect.introspector().tableExists(db.connection, "we\"ird"));
            assertFalse(dialect.introspector().tableExists(db.connection, "weird"));
        }
    }

    private static int pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
