package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example project through the real launcher, as a user runs it, and the CLI's exit-code contract. */
class CliEndToEndTest {
    static final String USERS = "20261124_100000_create_users";
    static final String POSTS = "20261124_100100_create_posts";

    @TempDir
    Path tmp;

    private Path copyBlog() throws IOException {
        Path source = Servers.repo().resolve("examples/blog");
        Path target = tmp.resolve("blog");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (!p.getFileName().toString().startsWith("covet.db")) {
                    Files.copy(p, dest);
                }
            }
        }
        return target;
    }

    @Test
    void blogExampleMigratesShowsPrintsSqlAndRollsBack() throws IOException {
        Path blog = copyBlog();
        Cli.Result migrate = Cli.run(blog, "migrate", "--yes");
        assertEquals(0, migrate.exitCode(), migrate.toString());
        assertTrue(migrate.out().contains("Applied " + USERS), migrate.toString());
        assertTrue(migrate.out().contains("Applied " + POSTS), migrate.toString());
        assertTrue(Files.exists(blog.resolve("covet.db")));

        Project db = new Project(blog, "jdbc:sqlite:" + blog.resolve("covet.db"));
        assertEquals(List.of("covet_migrations", "posts", "users"), db.sqliteTables());
        assertEquals(List.of(USERS, POSTS), db.query("SELECT name FROM covet_migrations ORDER BY id"));

        Cli.Result show = Cli.run(blog, "showmigrations");
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().lines().anyMatch(l -> l.startsWith("APPLIED") && l.contains(USERS)), show.toString());
        assertTrue(show.out().lines().anyMatch(l -> l.startsWith("APPLIED") && l.contains(POSTS)), show.toString());

        Cli.Result sql = Cli.run(blog, "sqlmigrate", POSTS);
        assertEquals(0, sql.exitCode(), sql.toString());
        assertTrue(sql.out().contains("CREATE TABLE"), sql.toString());
        assertTrue(sql.out().contains("ix_posts_title"), sql.toString());
        Cli.Result back = Cli.run(blog, "sqlmigrate", "--backwards", POSTS);
        assertTrue(back.out().contains("DROP TABLE"), back.toString());

        Cli.Result inspect = Cli.run(blog, "inspect", "--format", "text");
        assertEquals(0, inspect.exitCode(), inspect.toString());
        assertTrue(inspect.out().contains("table posts"), inspect.toString());
        assertFalse(inspect.out().contains("covet_migrations"), inspect.toString());

        assertEquals(0, Cli.run(blog, "rollback", "--yes").exitCode());
        assertEquals(List.of("covet_migrations", "users"), db.sqliteTables());
        assertEquals(0, Cli.run(blog, "rollback", "--yes").exitCode());
        assertEquals(List.of("covet_migrations"), db.sqliteTables());
        assertEquals(List.of("0"), db.query("SELECT count(*) FROM covet_migrations"));
    }

    @Test
    void rollbackWithoutTerminalOrYesIsAnsweredNo() throws IOException {
        Path blog = copyBlog();
        assertEquals(0, Cli.run(blog, "migrate").exitCode());
        Cli.Result r = Cli.run(blog, "rollback");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--yes"), r.toString());
        Project db = new Project(blog, "jdbc:sqlite:" + blog.resolve("covet.db"));
        assertEquals(List.of("2"), db.query("SELECT count(*) FROM covet_migrations"));
    }

    @Test
    void brokenJsonExitsOneNamingFileAndLineAndLeavesTheDatabaseAlone() throws IOException {
        Path blog = copyBlog();
        Path bad = blog.resolve("migrations/20261124_100200_broken.json");
        Files.writeString(bad, "{\n  \"format\": 1,\n  \"id\": \"20261124_100200_broken\",\n  \"operations\": [\n}\n");
        Cli.Result r = Cli.run(blog, "migrate", "--yes");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(bad.toString() + ":5"), r.toString());
        assertFalse(Files.exists(blog.resolve("covet.db")), "the database was not touched");
    }

    @Test
    void checksumMismatchExitsOneNamingTheFile() throws IOException {
        Path blog = copyBlog();
        assertEquals(0, Cli.run(blog, "migrate").exitCode());
        Path users = blog.resolve("migrations/" + USERS + ".json");
        Files.writeString(users, Files.readString(users).replace("varchar(50)", "varchar(60)"));
        Cli.Result r = Cli.run(blog, "migrate");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(users.toString()), r.toString());
    }

    @Test
    void badUsageExitsTwo() throws IOException {
        Path blog = copyBlog();
        assertEquals(2, Cli.run(blog, "no-such-command").exitCode());
        assertEquals(2, Cli.run(blog, "migrate", "--no-such-option").exitCode());
        assertEquals(2, Cli.run(blog).exitCode());
        Files.writeString(blog.resolve("covet.yaml"), "url: jdbc:sqlite:x.db\nmigratons_dir: typo\n");
        Cli.Result r = Cli.run(blog, "showmigrations");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("migratons_dir"), r.toString());
    }

    @Test
    void lookingDoesNotCreateTheDatabase() throws IOException {
        Path blog = copyBlog();
        Cli.Result show = Cli.run(blog, "showmigrations");
        assertEquals(0, show.exitCode(), show.toString());
        assertTrue(show.out().lines().allMatch(l -> l.startsWith("PENDING")), show.toString());
        assertFalse(Files.exists(blog.resolve("covet.db")), "showmigrations created no database");
    }

    @Test
    void helpForEveryCommandExitsZero() {
        for (String cmd : new String[] {"migrate", "rollback", "showmigrations", "sqlmigrate", "inspect", "plugins",
                "makemigrations"}) {
            Cli.Result r = Cli.run(tmp, cmd, "--help");
            assertEquals(0, r.exitCode(), cmd + ": " + r);
            assertTrue(r.out().contains("Usage: covet " + cmd), r.toString());
        }
    }

    @Test
    void urlOfNoInstalledDialectFailsListingTheInstalledOnes() {
        Cli.Result r = Cli.run(tmp, "showmigrations", "--url", "jdbc:oracle:thin:@db:1521/x");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no installed dialect accepts the URL jdbc:oracle:"), r.toString());
        assertTrue(r.err().contains("sqlite"), r.toString());
    }

    @Test
    void passwordsNeverAppearInOutput() {
        String secret = "Sup3rSecretPw";
        Cli.Result r = Cli.run(tmp, Map.of("DB_ENGINE", "mysql", "DB_NAME", "nope", "DB_HOST", "127.0.0.1",
                "DB_PORT", "1", "DB_USER", "nobody", "DB_PASSWORD", secret), "showmigrations");
        assertEquals(1, r.exitCode(), r.toString());
        assertFalse(r.out().contains(secret) || r.err().contains(secret), r.toString());
        assertTrue(r.err().contains("cannot connect"), r.toString());

        Cli.Result url = Cli.run(tmp, "showmigrations", "--url",
                "jdbc:postgresql://127.0.0.1:1/x?user=u&password=" + secret);
        assertEquals(1, url.exitCode(), url.toString());
        assertFalse(url.out().contains(secret) || url.err().contains(secret), url.toString());
    }

    @Test
    void pluginsListsTheBuiltInDialectsAndFormatWithTheirJars() {
        Cli.Result r = Cli.run(tmp, "plugins");
        assertEquals(0, r.exitCode(), r.toString());
        for (String expected : new String[] {"sqlite", "postgresql", "mysql", "json", "covet.dialect.sqlite",
                "covet.writer", ".jar"}) {
            assertTrue(r.out().contains(expected), expected + " in\n" + r);
        }
    }
}
