package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * covet-maven-plugin in real, offline Maven builds of small sample projects ({@link NestedMaven}): migrate,
 * status, rollback, sql, lint and check on SQLite, migrate/rollback on PostgreSQL with the URL given as a
 * {@code -Dcovet.url} property over a covet.yaml. The schema is checked with sqlite3 and psql.
 */
class MavenPluginTest {
    @TempDir
    Path project;

    private static String pom(String configuration, String dialect) {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId><artifactId>shop</artifactId><version>1</version><packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.covet</groupId><artifactId>covet-maven-plugin</artifactId><version>@VERSION@</version>
                        <configuration>%s</configuration>
                        <dependencies>
                          <dependency><groupId>dev.covet</groupId><artifactId>%s</artifactId><version>@VERSION@</version></dependency>
                        </dependencies>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(configuration, dialect);
    }

    private String sqlite(String... args) throws Exception {
        Process p = new ProcessBuilder(List.of("sqlite3", project.resolve("shop.db").toString(), args[0]))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void sqliteProject() throws Exception {
        NestedMaven.write(project, "pom.xml", pom("<url>jdbc:sqlite:${project.basedir}/shop.db</url>",
                "covet-dialect-sqlite"));
        NestedMaven.copyBlogMigrations(project);

        NestedMaven.Result migrate = NestedMaven.run(project, "covet:migrate", "covet:status");
        assertEquals(0, migrate.exit(), migrate.toString());
        assertTrue(migrate.out().contains("[INFO] Migrated 20261124_100000_create_users (1 operation, "),
                migrate.toString());
        assertTrue(migrate.out().contains("[INFO] APPLIED  20261124_100100_create_posts"), migrate.toString());
        assertEquals("covet_migrations posts users", sqlite(".tables").replaceAll("\\s+", " "));

        NestedMaven.Result rollback = NestedMaven.run(project, "covet:rollback", "covet:sql", "covet:lint");
        assertEquals(0, rollback.exit(), rollback.toString());
        assertTrue(rollback.out().contains("[INFO] Reverted 20261124_100100_create_posts (2 operations, "),
                rollback.toString());
        assertEquals("covet_migrations users", sqlite(".tables").replaceAll("\\s+", " "));
        String script = Files.readString(project.resolve("target/covet/migrate.sql"));
        assertTrue(script.contains("CREATE TABLE \"posts\"") && !script.contains("CREATE TABLE \"users\""), script);

        // check: the migrations reach schema.json; a column added to it and not to a migration fails the build
        NestedMaven.write(project, "schema.json", SCHEMA.replace("@EXTRA@", ""));
        NestedMaven.write(project, "schema-changed.json", SCHEMA.replace("@EXTRA@",
                ",\n {\"name\": \"bio\", \"type\": \"text\"}"));
        NestedMaven.Result same = NestedMaven.run(project, "covet:check", "-Dcovet.schema=schema.json");
        assertEquals(0, same.exit(), same.toString());
        assertTrue(same.out().contains("Covet check: no changes"), same.toString());
        NestedMaven.Result changed = NestedMaven.run(project, "covet:check", "-Dcovet.schema=schema-changed.json");
        assertEquals(1, changed.exit(), changed.toString());
        assertTrue(changed.out().contains("Covet check: changes pending (1 operations)")
                && changed.out().contains("bio"), changed.toString());
        assertTrue(changed.out().contains("BUILD FAILURE"), changed.toString());
    }

    @Test
    void postgresProjectWithThePropertyOverCovetYaml() throws Exception {
        try (ServerDatabase pg = ServerDatabase.postgres()) {
            NestedMaven.write(project, "pom.xml", pom("", "covet-dialect-postgres"));
            // covet.yaml names another database: -Dcovet.url, like --url, wins over it
            NestedMaven.write(project, "covet.yaml", "url: jdbc:sqlite:wrong.db\n");
            NestedMaven.copyBlogMigrations(project);
            NestedMaven.Result migrate = NestedMaven.run(project, "covet:migrate", "-Dcovet.url=" + pg.url);
            assertEquals(0, migrate.exit(), migrate.toString());
            assertTrue(migrate.out().contains("[INFO] Migrated 20261124_100100_create_posts (2 operations, "),
                    migrate.toString());
            assertEquals("covet_migrations posts users", tables(pg));
            assertFalse(Files.exists(project.resolve("wrong.db")));

            NestedMaven.Result again = NestedMaven.run(project, "covet:migrate", "covet:rollback",
                    "-Dcovet.url=" + pg.url);
            assertEquals(0, again.exit(), again.toString());
            assertTrue(again.out().contains("is up to date: no migration to apply"), again.toString());
            assertTrue(again.out().contains("[INFO] Reverted 20261124_100100_create_posts"), again.toString());
            assertEquals("covet_migrations users", tables(pg));
        }
    }

    static String tables(ServerDatabase pg) throws Exception {
        Process p = new ProcessBuilder("psql", "-w", "-At", "-h", "127.0.0.1", "-U", "postgres", "-d", pg.name, "-c",
                "select string_agg(table_name, ' ' order by table_name) from information_schema.tables"
                        + " where table_schema = 'public'").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** The blog example's schema, as covet inspect --format json writes it. */
    private static final String SCHEMA = """
            {
              "format": 1,
              "tables": [
                {
                  "name": "posts",
                  "columns": [
                    {"name": "id", "type": "integer", "nullable": false, "autoIncrement": true},
                    {"name": "user_id", "type": "integer", "nullable": false},
                    {"name": "title", "type": "varchar(200)", "nullable": false},
                    {"name": "body", "type": "text"}
                  ],
                  "primaryKey": {"columns": ["id"]},
                  "uniques": [{"name": "uq_posts_user_title", "columns": ["user_id", "title"]}],
                  "indexes": [{"name": "ix_posts_title", "columns": ["title"]}],
                  "foreignKeys": [{"name": "fk_posts_user", "columns": ["user_id"],
                    "references": {"table": "users", "columns": ["id"]}, "onDelete": "CASCADE"}]
                },
                {
                  "name": "users",
                  "columns": [
                    {"name": "id", "type": "integer", "nullable": false, "autoIncrement": true},
                    {"name": "username", "type": "varchar(50)", "nullable": false},
                    {"name": "email", "type": "varchar(100)", "nullable": false},
                    {"name": "created_at", "type": "timestamp", "nullable": false, "default": "CURRENT_TIMESTAMP"}@EXTRA@
                  ],
                  "primaryKey": {"columns": ["id"]},
                  "uniques": [{"name": "uq_users_username", "columns": ["username"]}]
                }
              ]
            }
            """;
}
