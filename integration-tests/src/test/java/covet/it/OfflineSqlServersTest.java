package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.engine.Covet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code migrate --sql} / {@code rollback --sql} on the servers: the script, run by psql or the mariadb client on an
 * empty database, gives the schema and history {@code migrate} gives, and the rollback script reverts it.
 */
class OfflineSqlServersTest {
    @TempDir
    Path dir;

    private static void runClient(String server, String database, String script, Path dir)
            throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve(server + "-" + System.nanoTime() + ".sql"), script);
        List<String> command = server.equals("postgresql")
                ? List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1",
                "-q", "-f", file.toString())
                : List.of("mariadb", "--protocol=tcp", "-h127.0.0.1", "-uroot", database);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (server.equals("mysql")) {
            pb.redirectInput(file.toFile());
        } else {
            pb.redirectInput(new File("/dev/null"));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException noClient) {
            if (Servers.required(server)) {
                throw noClient;
            }
            org.junit.jupiter.api.Assumptions.abort(command.get(0) + " (the " + server
                    + " client) is not installed: offline-script test skipped");
            return;
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), server + " client ran the script:\n" + out + "\n" + script);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void scriptRunByTheServersClientMatchesMigrate(String server) throws Exception {
        try (ServerDatabase scripted = server.equals("postgresql") ? ServerDatabase.postgres() : ServerDatabase.mysql();
             ServerDatabase migrated = server.equals("postgresql") ? ServerDatabase.postgres()
                     : ServerDatabase.mysql()) {
            Path a = Files.createDirectories(dir.resolve("a"));
            Path b = Files.createDirectories(dir.resolve("b"));
            for (Path project : List.of(a, b)) {
                Files.createDirectories(project.resolve("migrations"));
                try (var m = Files.list(Servers.repo().resolve("examples/blog/migrations"))) {
                    for (Path p : m.toList()) {
                        Files.copy(p, project.resolve("migrations").resolve(p.getFileName()));
                    }
                }
            }
            Covet byScript = scripted.project(a).covet();
            List<String> script = byScript.migrateScript(null);
            assertTrue(script.get(0).contains(server.equals("postgresql") ? "pg_advisory_lock" : "GET_LOCK"),
                    script.toString());
            runClient(server, scripted.name, String.join(";\n", script) + ";\n", dir);

            Covet byMigrate = migrated.project(b).covet();
            byMigrate.migrate();
            assertEquals(byMigrate.inspect(), scripted.project(a).covet().inspect());
            String history = "SELECT name, app, checksum, status, operations_applied FROM covet_migrations ORDER BY id";
            assertEquals(migrated.query(history), scripted.query(history));
            assertTrue(scripted.project(a).covet().migrateScript(null).stream().noneMatch(s -> s.contains("CREATE")),
                    "all applied: nothing left to script");

            runClient(server, scripted.name, String.join(";\n", scripted.project(a).covet().rollbackScript(null))
                    + ";\n", dir);
            assertEquals(List.of("covet_migrations", "users"), scripted.tables());
            assertEquals(List.of("20261124_100000_create_users"), scripted.query("SELECT name FROM covet_migrations"));
        }
    }
}
