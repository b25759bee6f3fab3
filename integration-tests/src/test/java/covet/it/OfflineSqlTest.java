package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate --sql} and {@code rollback --sql}: the script, run by sqlite3 itself, does what migrate does. */
class OfflineSqlTest {
    @TempDir
    Path dir;

    private static void sqlite3(Path db, String script) throws IOException, InterruptedException {
        Path file = Files.writeString(db.resolveSibling(db.getFileName() + ".sql"), script);
        Process p = new ProcessBuilder("sqlite3", "-bail", db.toString())
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), "sqlite3 ran the script:\n" + out + "\n" + script);
    }

    @Test
    void scriptRunByTheDatabasesOwnClientMatchesMigrate() throws Exception {
        Path blog = dir.resolve("blog");
        Files.createDirectories(blog.resolve("migrations"));
        try (var m = Files.list(Servers.repo().resolve("examples/blog/migrations"))) {
            for (Path p : m.toList()) {
                Files.copy(p, blog.resolve("migrations").resolve(p.getFileName()));
            }
        }
        Path scripted = dir.resolve("scripted.db");
        String url = "jdbc:sqlite:" + scripted;
        Cli.Result script = Cli.run(blog, "migrate", "--sql", "--url", url);
        assertEquals(0, script.exitCode(), script.toString());
        assertFalse(Files.exists(scripted), "printing the script does not create the database");
        assertTrue(script.out().startsWith("BEGIN IMMEDIATE;"), script.out());
        sqlite3(scripted, script.out());

        assertEquals(0, Cli.run(blog, "migrate").exitCode());
        Project migrated = Project.sqlite(blog);
        Project byScript = new Project(dir, url);
        assertEquals(migrated.covet().inspect(), byScript.covet().inspect());
        assertEquals(migrated.query("SELECT name, app, checksum, status FROM covet_migrations ORDER BY id"),
                byScript.query("SELECT name, app, checksum, status FROM covet_migrations ORDER BY id"));
        Cli.Result show = Cli.run(blog, "showmigrations", "--url", url);
        assertEquals(2, show.out().lines().filter(l -> l.startsWith("APPLIED")).count(), show.toString());

        Cli.Result back = Cli.run(blog, "rollback", "--sql", "--url", url);
        assertEquals(0, back.exitCode(), back.toString());
        assertTrue(back.out().contains("DROP TABLE"), back.out());
        sqlite3(scripted, back.out());
        assertEquals(List.of("covet_migrations", "users"), byScript.sqliteTables());
        assertEquals(List.of("1"), byScript.query("SELECT count(*) FROM covet_migrations"));

        Cli.Result nothingPending = Cli.run(blog, "migrate", "--sql");
        assertEquals(0, nothingPending.exitCode());
        assertFalse(nothingPending.out().contains("CREATE TABLE"), "all applied: " + nothingPending.out());
    }
}
