package covet.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter in a real Spring Boot application ({@link ShopApplication}), started and stopped here on SQLite and
 * PostgreSQL: the schema is there before the beans that use the database start (on PostgreSQL Hibernate validates
 * it, and without Covet that start fails), the log shows each migration at INFO, a second start changes nothing,
 * and a failing migration stops the start-up with Covet's own message. Tables are checked with sqlite3 and psql.
 */
class CovetStarterTest {
    /** The application's console log (Spring Boot's OutputCaptureExtension needs JUnit 6; the build has 5). */
    private final ConsoleCapture output = new ConsoleCapture();

    @AfterEach
    void restoreConsole() {
        output.close();
    }

    private static final String NO_JPA = "spring.autoconfigure.exclude="
            + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

    @TempDir
    Path dir;

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(ShopApplication.class).web(WebApplicationType.NONE)
                .properties(properties).run();
    }

    @Test
    void sqliteStartsOnTheMigratedSchemaAndASecondStartChangesNothing() throws Exception {
        String url = "spring.datasource.url=jdbc:sqlite:" + dir.resolve("shop.db");
        try (ConfigurableApplicationContext app = start(url, NO_JPA)) {
            assertEquals(0, app.getBean(ShopApplication.UsersAtStartup.class).rows());
        }
        String first = output.text();
        assertTrue(first.matches("(?s).*INFO.*covet\\.run\\s*: Migrated 20261124_100000_create_users \\(1 operation, "
                + "\\d+ ms\\).*"), first);
        assertTrue(first.contains("Migrated 20261124_100100_create_posts (2 operations, "), first);
        assertEquals("covet_migrations posts users", sqlite(dir.resolve("shop.db"), ".tables"));

        try (ConfigurableApplicationContext app = start(url, NO_JPA)) {
            assertEquals(0, app.getBean(ShopApplication.UsersAtStartup.class).rows());
        }
        String second = output.text().substring(first.length());
        assertTrue(second.contains("is up to date: no migration to apply"), second);
        assertFalse(second.contains("Migrated "), second);
        assertEquals("2", sqlite(dir.resolve("shop.db"), "SELECT count(*) FROM covet_migrations"));
    }

    @Test
    void aFailingMigrationStopsTheStartUpWithCovetsMessage() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20261124_100000_broken.json"), """
                {
                  "format": 1, "id": "20261124_100000_broken", "app": "default", "dependencies": [],
                  "operations": [
                    {"op": "CreateTable", "table": {"name": "tags", "columns": [
                      {"name": "id", "type": "integer", "nullable": false}], "primaryKey": {"columns": ["id"]}}},
                    {"op": "RunSQL", "sql": "INSERT INTO no_such_table VALUES (1)", "reverseSql": []}
                  ]
                }
                """);
        Path db = dir.resolve("shop.db");
        assertThrows(Exception.class, () -> start("spring.datasource.url=jdbc:sqlite:" + db, NO_JPA,
                "covet.location=filesystem:" + migrations));
        String log = output.text();
        assertTrue(log.contains("APPLICATION FAILED TO START"), log);
        assertTrue(log.contains("Covet could not migrate the database"), log);
        assertTrue(log.contains("migration 20261124_100000_broken") && log.contains("failed at operation 2 of 2")
                && log.contains("INSERT INTO no_such_table"), log);
        assertTrue(log.contains("covet.enabled=false"), log);
        // the whole migration was rolled back: no tags table
        assertFalse(sqlite(db, ".tables").contains("tags"), sqlite(db, ".tables"));
    }

    @Test
    void postgresMigratesBeforeHibernateValidates() throws Exception {
        String server = System.getenv().getOrDefault("COVET_TEST_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        List<String> created = new ArrayList<>();
        try {
            String url = database(server, created);
            String[] withJpa = {"spring.datasource.url=" + url, "spring.jpa.hibernate.ddl-auto=validate"};
            // the control: without Covet, Hibernate finds no users table and the start fails
            String control = database(server, created);
            assertThrows(Exception.class, () -> start("spring.datasource.url=" + control,
                    "spring.jpa.hibernate.ddl-auto=validate", "covet.enabled=false"));
            assertTrue(output.text().contains("users"), output.text());

            int before = output.text().length();
            try (ConfigurableApplicationContext app = start(withJpa)) {
                assertEquals(0, app.getBean(ShopApplication.UsersAtStartup.class).rows());
            }
            String first = output.text().substring(before);
            assertTrue(first.contains("Migrated 20261124_100000_create_users (1 operation, "), first);
            assertEquals("covet_migrations posts users", psql(server, created.get(0)));
            try (ConfigurableApplicationContext app = start(withJpa)) {
                assertEquals(0, app.getBean(ShopApplication.UsersAtStartup.class).rows());
            }
            String second = output.text().substring(before + first.length());
            assertTrue(second.contains("is up to date: no migration to apply"), second);
            assertFalse(second.contains("Migrated "), second);
        } finally {
            drop(server, created);
        }
    }

    /** A fresh database on the PostgreSQL test server; skips (or fails, under COVET_TEST_REQUIRE) without one. */
    private static String database(String server, List<String> created) {
        String name = "covet_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = "postgresql not reachable at " + server + ": " + e.getMessage();
            if (String.valueOf(System.getenv("COVET_TEST_REQUIRE")).contains("postgresql")) {
                throw new AssertionError("COVET_TEST_REQUIRE names postgresql; " + message, e);
            }
            Assumptions.abort(message);
        }
        created.add(name);
        return server.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    private static void drop(String server, List<String> names) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static String psql(String server, String database) throws Exception {
        return run(List.of("psql", "-w", "-At", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-c",
                "select string_agg(table_name, ' ' order by table_name) from information_schema.tables"
                        + " where table_schema = 'public'"));
    }

    private static String sqlite(Path db, String command) throws Exception {
        return run(List.of("sqlite3", db.toString(), command)).replaceAll("\\s+", " ");
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
