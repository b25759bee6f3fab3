package covet.dialect.postgres;

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
class PostgresScratchTest {
    private static PostgresTestDatabase db;

    @BeforeAll
    static void server() {
        db = PostgresTestDatabase.create();
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
             ResultSet rs = st.executeQuery(
                     "SELECT datname FROM pg_database WHERE datname LIKE 'covet\\_scratch\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void scratchIsAFreshDatabaseOnTheSameServerAndIsDroppedOnClose() throws SQLException {
        List<String> before = scratchDatabases();
        String name;
        // the URL names a database of the project: the scratch one sits beside it, not inside it
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE project_table (id int)");
        }
        try (ScratchDatabase scratch = PostgresTestDatabase.DIALECT.createScratch(db.url(), new Properties())) {
            Connection c = scratch.connection();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
                rs.next();
                name = rs.getString(1);
            }
            assertTrue(name.startsWith("covet_scratch_"), name);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id integer PRIMARY KEY, note text)");
            }
            Schema schema = PostgresTestDatabase.DIALECT.introspector().introspect(c);
            assertEquals(List.of("t"), schema.tables().stream().map(t -> t.name()).toList());
            assertTrue(scratchDatabases().contains(name));
        }
        assertFalse(scratchDatabases().contains(name), name + " was dropped");
        assertEquals(before, scratchDatabases());
    }

    @Test
    void droppedAlsoWhenTheDdlFailedAndAnotherSessionIsStillConnected() throws SQLException {
        String name;
        ScratchDatabase scratch = PostgresTestDatabase.DIALECT.createScratch(db.url(), new Properties());
        try (scratch; Statement st = scratch.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            name = rs.getString(1);
            scratch.connection().setAutoCommit(false);
            assertThrows(SQLException.class, () -> st.execute("CREATE TABLE broken (x no_such_type)"));
            // a session the script's author might have left open: WITH (FORCE) ends it
            Connection other = PostgresTestDatabase.DIALECT.connect(PostgresScratch.withDatabase(db.url(), name),
                    new Properties());
            assertFalse(other.isClosed());
            other.close();
        }
        assertFalse(scratchDatabases().contains(name), name + " was dropped");
    }

    @Test
    void aUrlWhoseDatabaseDoesNotExistYetStillReachesTheServer() throws SQLException {
        String url = PostgresScratch.withDatabase(db.url(), "covet_not_created_yet");
        try (ScratchDatabase scratch = PostgresTestDatabase.DIALECT.createScratch(url, new Properties());
             Statement st = scratch.connection().createStatement()) {
            assertTrue(st.execute("SELECT 1"));
        }
    }

    @Test
    void databaseIsReplacedInEveryUrlShape() {
        assertEquals("jdbc:postgresql://h:5432/x?user=u&ssl=false",
                PostgresScratch.withDatabase("jdbc:postgresql://h:5432/app?user=u&ssl=false", "x"));
        assertEquals("jdbc:postgresql://h/x", PostgresScratch.withDatabase("jdbc:postgresql://h", "x"));
        assertEquals("jdbc:postgresql://h/x?user=u", PostgresScratch.withDatabase("jdbc:postgresql://h?user=u", "x"));
        assertEquals("jdbc:postgresql://h1:5432,h2:5433/x",
                PostgresScratch.withDatabase("jdbc:postgresql://h1:5432,h2:5433/app", "x"));
        assertEquals("jdbc:postgresql:x?user=u", PostgresScratch.withDatabase("jdbc:postgresql:app?user=u", "x"));
        assertEquals("jdbc:postgresql://[::1]:5432/x",
                PostgresScratch.withDatabase("jdbc:postgresql://[::1]:5432/", "x"));
    }

    @Test
    void aNonPostgresUrlIsRefusedNamingTheDialect() {
        SQLException e = assertThrows(SQLException.class,
                () -> PostgresTestDatabase.DIALECT.createScratch(null, new Properties()));
        assertTrue(e.getMessage().startsWith("postgresql: "), e.getMessage());
    }
}
