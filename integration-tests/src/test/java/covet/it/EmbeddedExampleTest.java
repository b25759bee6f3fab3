package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/embedded, built by the reactor, migrates its own database on start-up from inside its jar. */
class EmbeddedExampleTest {
    @TempDir
    Path dir;

    private String run(Path db) throws IOException, InterruptedException {
        Path target = Servers.repo().resolve("examples/embedded/target");
        Path jar = target.resolve("embedded-app.jar");
        assertTrue(Files.isRegularFile(jar), "examples/embedded is built by the reactor: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(java, "-cp", classPath, "example.App", db.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the example finished");
        String output = Files.readString(out);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    @Test
    void migratesOnStartUpFromInsideItsJarAndOnlyOnce() throws Exception {
        Path db = dir.resolve("app.db");
        String first = run(db);
        assertTrue(first.contains("migrated 20261124_090000_create_users"), first);
        assertTrue(first.contains("migrated 20261124_090100_seed_admin"), first);
        assertTrue(first.contains("ready: 1 users"), first);
        String second = run(db);
        assertTrue(!second.contains("migrated"), "nothing to do the second time: " + second);
        assertTrue(second.contains("ready: 1 users"), second);
        Project project = new Project(dir, "jdbc:sqlite:" + db);
        assertEquals(List.of("20261124_090000_create_users", "20261124_090100_seed_admin"),
                project.query("SELECT name FROM covet_migrations ORDER BY id"));
    }
}
