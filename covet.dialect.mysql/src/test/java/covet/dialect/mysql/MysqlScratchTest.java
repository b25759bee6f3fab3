package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import covet.api.spi.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scratch database: created on the server the URL reaches, holds what the script made, always dropped. */
class MysqlScratchTest {
    private static MysqlTestDatabase db;

    @BeforeAll
    static void server() throws SQLException {
        db = MysqlTestDatabase.create();
        try (Connection c = db.connect()) {
            db.execute(c, "ALTER DATABASE " + db.name + " CHARACTER SET latin1 COLLATE latin1_swedish_ci");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static List<String> scratchDatabases() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                     + "WHERE SCHEMA_NAME LIKE 'covet\\_scratch\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void scratchIsAFreshDatabaseWithTheUrlDatabasesCharsetAndIsDroppedOnClose() throws SQLException {
        List<String> before = scratchDatabases();
        String name;
        try (ScratchDatabase scratch = db.dialect.createScratch(db.url, new Properties())) {
            Connection c = scratch.connection();
            name = one(c, "SELECT DATABASE()");
            assertTrue(name.startsWith("covet_scratch_"), name);
            assertEquals("latin1_swedish_ci", one(c, "SELECT @@collation_database"));
            db.execute(c, "CREATE TABLE t (id int PRIMARY KEY, note varchar(10))");
            Schema schema = db.dialect.introspector().introspect(c);
            assertEquals(List.of("t"), schema.tables().stream().map(t -> t.name()).toList());
            assertTrue(scratchDatabases().contains(name));
        }
        assertFalse(scratchDatabases().contains(name), name + " was dropped");
        assertEquals(before, scratchDatabases());
    }

    @Test
    void droppedAlsoWhenTheDdlFailedOrTheScriptLeftTheDatabase() throws SQLException {
        String name;
        try (ScratchDatabase scratch = db.dialect.createScratch(db.url, new Properties());
             Statement st = scratch.connection().createStatement()) {
            name = one(scratch.connection(), "SELECT DATABASE()");
            st.execute("CREATE TABLE a (id int)");
            assertThrows(SQLException.class, () -> st.execute("ALTER TABLE a ADD COLUMN id int"));
            st.execute("USE " + db.name);
        }
        assertFalse(scratchDatabases().contains(name), name + " was dropped");
    }

    @Test
    void aUrlWithoutADatabaseOrWithOneThatDoesNotExistStillReachesTheServer() throws SQLException {
        for (String url : List.of(MysqlScratch.withDatabase(db.url, ""),
                MysqlScratch.withDatabase(db.url, "covet_not_created_yet"))) {
            try (ScratchDatabase scratch = db.dialect.createScratch(url, new Properties())) {
                assertTrue(one(scratch.connection(), "SELECT DATABASE()").startsWith("covet_scratch_"), url);
            }
        }
        assertEquals(List.of(), scratchDatabases());
    }

    @Test
    void databaseIsReplacedInEveryUrlShape() {
        assertEquals("jdbc:mysql://h:3306/x?user=root",
                MysqlScratch.withDatabase("jdbc:mysql://h:3306/app?user=root", "x"));
        assertEquals("jdbc:mysql://h:3306/x?user=root",
                MysqlScratch.withDatabase("jdbc:mysql://h:3306/?user=root", "x"));
        assertEquals("jdbc:mysql://h/x", MysqlScratch.withDatabase("jdbc:mysql://h", "x"));
        assertEquals("jdbc:mysql://h1,h2:3307/x", MysqlScratch.withDatabase("jdbc:mysql://h1,h2:3307/app", "x"));
    }

    @Test
    void aNonMysqlUrlIsRefusedNamingTheDialect() {
        SQLException e = assertThrows(SQLException.class, () -> db.dialect.createScratch(
                "jdbc:postgresql://h/x?password=secret", new Properties()));
        assertTrue(e.getMessage().startsWith("mysql: "), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
