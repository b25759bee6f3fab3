package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code covet adopt flyway} and {@code covet adopt liquibase} on databases really migrated by flyway-core 13
 * (PostgreSQL) and liquibase-core 4.33 (MariaDB) in the test: afterwards {@code covet info} lists every migration
 * APPLIED, {@code covet migrate} applies only the new file, and the old tools' history tables are unchanged.
 */
class AdoptFlywayLiquibaseTest {
    @TempDir
    Path dir;

    private static void assertExit(int code, Cli.Result r) {
        assertEquals(code, r.exitCode(), r.toString());
    }

    @Test
    void flywayOnPostgresql() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            Project p = db.project(dir);
            p.writeRaw("V1__person.sql", "CREATE TABLE person (\n  id INT PRIMARY KEY,\n  name VARCHAR(100)\n);\n");
            p.writeRaw("V1.1__email.sql", "-- contact\nALTER TABLE person ADD COLUMN email VARCHAR(200);\r\n");
            p.writeRaw("V1.2__seed.sql", "INSERT INTO person (id, name) VALUES (1, 'Ada');\n");
            p.writeRaw("R__names.sql", "CREATE OR REPLACE VIEW names AS SELECT name FROM person;\n");
            Flyway.configure().dataSource(db.url, null, null)
                    .locations("filesystem:" + p.migrations).load().migrate();
            List<String> flywayBefore = db.query("SELECT installed_rank, version, script, checksum, success "
                    + "FROM flyway_schema_history ORDER BY installed_rank");
            assertEquals(4, flywayBefore.size(), flywayBefore.toString());

            Cli.Result adopt = Cli.run(dir, "--url", db.url, "adopt", "flyway");
            assertExit(0, adopt);
            Cli.Result info = Cli.run(dir, "--url", db.url, "info");
            assertExit(0, info);
            for (String id : List.of("V1__person", "V1.1__email", "V1.2__seed", "R__names")) {
                assertTrue(info.out().contains("APPLIED  " + id), info.out());
            }
            assertExit(0, Cli.run(dir, "--url", db.url, "validate"));

            p.writeRaw("V2__city.sql", "CREATE TABLE city (id INT PRIMARY KEY);\n");
            Cli.Result migrate = Cli.run(dir, "--url", db.url, "migrate");
            assertExit(0, migrate);
            assertEquals(List.of("Applied V2__city"), migrate.out().lines()
                    .filter(l -> l.startsWith("Applied")).map(l -> l.replaceAll(" in \\d+ ms", "")).toList());
            assertEquals(List.of("1|Ada"), db.query("SELECT id, name FROM person"), "the seed ran once");
            assertEquals(flywayBefore, db.query("SELECT installed_rank, version, script, checksum, success "
                    + "FROM flyway_schema_history ORDER BY installed_rank"), "Flyway's history is unchanged");
            assertTrue(db.tables().contains("city"));

            // adopting twice is refused
            assertExit(1, Cli.run(dir, "--url", db.url, "adopt", "flyway"));

            // clean, once enabled, empties the schema: tables, the view, and both history tables
            Files.writeString(dir.resolve("covet.yaml"), "clean_enabled: true\n");
            assertExit(0, Cli.run(dir, "--url", db.url, "clean", "--yes"));
            assertEquals(List.of(), db.tables());
            assertEquals(List.of(), db.query("SELECT table_name FROM information_schema.views "
                    + "WHERE table_schema = current_schema()"));
            assertEquals(List.of("public"), db.query("SELECT nspname FROM pg_namespace WHERE nspname = 'public'"),
                    "the schema itself stays");
        }
    }

    @Test
    void flywayFileChangedOrMissingIsRefused() throws Exception {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            Project p = db.project(dir);
            p.writeRaw("V1__person.sql", "CREATE TABLE person (id INT PRIMARY KEY);\n");
            Flyway.configure().dataSource(db.url, null, null)
                    .locations("filesystem:" + p.migrations).load().migrate();
            p.writeRaw("V1__person.sql", "CREATE TABLE person (id BIGINT PRIMARY KEY);\n");
            Cli.Result adopt = Cli.run(dir, "--url", db.url, "adopt", "flyway");
            assertExit(1, adopt);
            assertTrue(adopt.err().contains("changed after Flyway applied it"), adopt.toString());
            assertEquals(List.of("0"), db.query("SELECT COUNT(*) FROM covet_migrations"), "nothing recorded");

            // an applied version without its file is refused too
            Files.delete(p.migrations.resolve("V1__person.sql"));
            p.writeRaw("V2__city.sql", "CREATE TABLE city (id INT PRIMARY KEY);\n");
            Cli.Result missing = Cli.run(dir, "--url", db.url, "adopt", "flyway");
            assertExit(1, missing);
            assertTrue(missing.err().contains("Flyway applied version 1 (V1__person.sql), but no V1__*.sql file"),
                    missing.toString());
            assertEquals(List.of("0"), db.query("SELECT COUNT(*) FROM covet_migrations"), "nothing recorded");
        }
    }

    @Test
    void liquibaseOnMariadb() throws Exception {
        try (ServerDatabase db = ServerDatabase.mysql()) {
            Project p = db.project(dir);
            Path changelogs = Files.createDirectories(dir.resolve("db"));
            Files.writeString(changelogs.resolve("changelog.sql"), """
                    --liquibase formatted sql

                    --changeset ada:1
                    CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);
                    --rollback DROP TABLE person;

                    --changeset ada:2
                    CREATE INDEX person_name ON person (name);
                    """);
            try (Connection c = db.connect()) {
                var database = liquibase.database.DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(c));
                @SuppressWarnings("deprecation")
                var lb = new liquibase.Liquibase("changelog.sql",
                        new liquibase.resource.DirectoryResourceAccessor(changelogs.toFile()), database);
                lb.update("");
            }
            List<String> changelogBefore = db.query("SELECT ID, AUTHOR, FILENAME, MD5SUM, ORDEREXECUTED "
                    + "FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED");
            assertEquals(2, changelogBefore.size(), changelogBefore.toString());

            Cli.Result adopt = Cli.run(dir, "--url", db.url, "adopt", "liquibase");
            assertExit(0, adopt);
            String baseline;
            try (Stream<Path> files = Files.list(p.migrations)) {
                List<String> names = files.map(f -> f.getFileName().toString()).toList();
                assertEquals(1, names.size(), names.toString());
                baseline = names.get(0).replace(".json", "");
            }
            assertTrue(baseline.endsWith("_liquibase_baseline"), baseline);
            String baselineText = Files.readString(p.migrations.resolve(baseline + ".json"));
            assertTrue(baselineText.contains("person") && !baselineText.toLowerCase().contains("databasechangelog"),
                    baselineText);
            Cli.Result info = Cli.run(dir, "--url", db.url, "info");
            assertTrue(info.out().contains("APPLIED  " + baseline), info.out());
            assertFalse(info.out().contains("PENDING"), info.out());

            p.write("29990101_000000_audit", List.of(baseline), Project.createTable("audit", Project.ID, ""));
            Cli.Result migrate = Cli.run(dir, "--url", db.url, "migrate");
            assertExit(0, migrate);
            assertEquals(List.of("Applied 29990101_000000_audit"), migrate.out().lines()
                    .filter(l -> l.startsWith("Applied")).map(l -> l.replaceAll(" in \\d+ ms", "")).toList());
            assertFalse(migrate.err().contains("drift"), "Liquibase's own tables are no drift: " + migrate.err());
            assertEquals(changelogBefore, db.query("SELECT ID, AUTHOR, FILENAME, MD5SUM, ORDEREXECUTED "
                    + "FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED"), "Liquibase's history is unchanged");
            assertEquals(List.of("DATABASECHANGELOG", "DATABASECHANGELOGLOCK", "audit", "covet_migrations", "person"),
                    db.tables());
        }
    }
}
