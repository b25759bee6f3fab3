package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.engine.run.MigrationResult;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Flyway project layout in the SQL format (versioned files with dotted versions, undo files, a repeatable file)
 * beside a JSON migration in one folder and one graph: it migrates in Flyway's version order, rolls back through
 * the undo files, re-runs the repeatable when it changes, and keeps its checksums when a file is re-indented. The
 * results are read from the database's own catalog. On SQLite, PostgreSQL and MariaDB.
 */
class SqlFormatFlywayLayoutTest {
    static final String JSON_ID = "20260101_000000_audit";

    @TempDir
    Path dir;

    static void writeFlywayLayout(Project p) {
        p.writeRaw("V1__create_person.sql", "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n");
        p.writeRaw("V1.1__add_email.sql", "ALTER TABLE person ADD COLUMN email VARCHAR(200);\n");
        p.writeRaw("U1.1__add_email.sql", "ALTER TABLE person DROP COLUMN email;\n");
        p.writeRaw("V1.9__city.sql", "CREATE TABLE city (id INT PRIMARY KEY, name VARCHAR(50));\n");
        p.writeRaw("U1.9__city.sql", "DROP TABLE city;\n");
        p.writeRaw("V1.10__seed_city.sql", "INSERT INTO city (id, name) VALUES (1, 'Lyon; Rhône');\n"
                + "INSERT INTO city (id, name) VALUES (2, 'Oslo');\n");
        p.writeRaw("U1.10__seed_city.sql", "DELETE FROM city;\n");
        p.writeRaw("R__person_names.sql", "DROP VIEW IF EXISTS person_names;\n"
                + "CREATE VIEW person_names AS SELECT name FROM person;\n");
        // a JSON migration in the same folder, after the last versioned SQL file
        p.write(JSON_ID, List.of("V1.10__seed_city"), Project.createTable("audit", Project.ID, ""));
    }

    @Test
    void sqlite() {
        run(Project.sqlite(dir), "sqlite");
    }

    @Test
    void postgresql() throws SQLException {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            run(db.project(dir), "postgresql");
        }
    }

    @Test
    void mariadb() throws SQLException {
        try (ServerDatabase db = ServerDatabase.mysql()) {
            run(db.project(dir), "mysql");
        }
    }

    /** SQL files shipped on the class path (an application's own jar or resources folder) read as a set too. */
    @Test
    void fromTheClassPath() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("res/db/covet"));
        java.nio.file.Files.writeString(folder.resolve("V1__a.sql"), "CREATE TABLE a (id INT);");
        java.nio.file.Files.writeString(folder.resolve("U1__a.sql"), "DROP TABLE a;");
        java.nio.file.Files.writeString(folder.resolve("V1.10__c.sql"), "CREATE TABLE c (id INT);");
        java.nio.file.Files.writeString(folder.resolve("V1.9__b.sql"), "CREATE TABLE b (id INT);");
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {dir.resolve("res").toUri().toURL()},
                null)) {
            covet.engine.Covet engine = covet.engine.Covet.builder().url("jdbc:sqlite:" + dir.resolve("cp.db"))
                    .classpathMigrations("db/covet", loader).build();
            assertEquals(List.of("V1__a", "V1.9__b", "V1.10__c"), ids(engine.migrate()));
            // V1.10 has no undo file: rollback refuses before changing anything, naming the file
            var refused = org.junit.jupiter.api.Assertions.assertThrows(covet.api.IrreversibleOperationException.class,
                    () -> engine.rollbackTo("V1__a"));
            assertTrue(refused.getMessage().contains("classpath:db/covet/V1.10__c.sql"), refused.getMessage());
            assertEquals(List.of(), engine.check());
        }
    }

    private void run(Project p, String server) {
        writeFlywayLayout(p);
        assertEquals(List.of("V1__create_person", "V1.1__add_email", "V1.9__city", "V1.10__seed_city", JSON_ID,
                "R__person_names"), ids(p.covet().migrate()));
        assertEquals(List.of("audit", "city", "covet_migrations", "person"), tables(p, server));
        assertTrue(columns(p, server, "person").contains("email"));
        assertEquals(List.of("Lyon; Rhône", "Oslo"), p.query("SELECT name FROM city ORDER BY id"));
        assertEquals(List.of("name"), columns(p, server, "person_names"));
        assertEquals(List.of(), p.covet().check());

        // re-indenting and commenting a versioned file keeps its checksum: validate stays green
        p.writeRaw("V1__create_person.sql", "-- people\nCREATE TABLE person (\n    id   INT PRIMARY KEY,\n"
                + "    name VARCHAR(100)  /* display name */\n);\n");
        assertEquals(List.of(), p.covet().check());
        assertTrue(covet.engine.HistoryAudit.info(p.covet()).stream().noneMatch(covet.engine.MigrationInfo::invalid),
                "validate stays green");
        assertEquals(List.of(), p.covet().migrate());

        // a changed repeatable runs again, and only it
        p.writeRaw("R__person_names.sql", "DROP VIEW IF EXISTS person_names;\n"
                + "CREATE VIEW person_names AS SELECT name, id FROM person;\n");
        assertTrue(p.covet().check().stream().anyMatch(s -> s.contains("R__person_names")), p.covet().check()
                .toString());
        assertEquals(List.of("R__person_names"), ids(p.covet().migrate()));
        assertEquals(List.of("name", "id"), columns(p, server, "person_names"));
        assertEquals(List.of(), p.covet().migrate());
        assertEquals(List.of("1"), p.query("SELECT COUNT(*) FROM covet_migrations WHERE name = 'R__person_names'"));

        // rollback goes through the undo files, newest first, and passes over the repeatable
        assertEquals(List.of(JSON_ID, "V1.10__seed_city", "V1.9__city", "V1.1__add_email"),
                ids(p.covet().rollbackTo("V1__create_person")));
        assertEquals(List.of("covet_migrations", "person"), tables(p, server));
        assertEquals(List.of("id", "name"), columns(p, server, "person"));
        assertEquals(List.of("R__person_names", "V1__create_person"),
                p.query("SELECT name FROM covet_migrations ORDER BY name"));

        // and forward again: the unchanged repeatable is not run
        assertEquals(List.of("V1.1__add_email", "V1.9__city", "V1.10__seed_city", JSON_ID),
                ids(p.covet().migrate()));
        assertEquals(List.of(), p.covet().check());
    }

    static List<String> ids(List<MigrationResult> results) {
        return results.stream().map(MigrationResult::id).toList();
    }

    static List<String> tables(Project p, String server) {
        return p.query(switch (server) {
            case "sqlite" -> "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                    + "ORDER BY name";
            case "mysql" -> "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                    + "AND table_type = 'BASE TABLE' ORDER BY table_name";
            default -> "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                    + "AND table_type = 'BASE TABLE' ORDER BY table_name";
        });
    }

    static List<String> columns(Project p, String server, String table) {
        return p.query(switch (server) {
            case "sqlite" -> "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid";
            case "mysql" -> "SELECT column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                    + "AND table_name = '" + table + "' ORDER BY ordinal_position";
            default -> "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                    + "AND table_name = '" + table + "' ORDER BY ordinal_position";
        });
    }
}
