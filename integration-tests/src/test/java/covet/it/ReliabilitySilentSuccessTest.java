package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, no silent success: each input below used to end in exit 0 ("No migrations to apply", the entry skipped,
 * the last key taken, "two branches"); now each is an error naming what and where, and nothing is created (the
 * SQLite file stays absent). Through the built CLI.
 */
class ReliabilitySilentSuccessTest {
    @TempDir
    Path tmp;

    private static final List<List<String>> COMMANDS = List.of(List.of("migrate"), List.of("showmigrations"),
            List.of("rollback", "--yes"));

    private String url() {
        return "jdbc:sqlite:" + tmp.resolve("app.db");
    }

    private Cli.Result covet(List<String> command, String... more) {
        List<String> args = new java.util.ArrayList<>(command);
        args.addAll(List.of(more));
        args.addAll(List.of("--url", url()));
        return ReliabilityProcess.run(tmp, args.toArray(String[]::new));
    }

    @Test
    void aMistypedMigrationsFolderIsBadUsageNamingIt() {
        ReliabilityMigrations.writeChain(tmp, 1);
        for (List<String> command : COMMANDS) {
            Cli.Result r = covet(command, "--migrations-dir", "migratoins");
            assertEquals(2, r.exitCode(), command + "\n" + r);
            assertTrue(r.err().contains("migratoins") && r.err().contains("does not exist"), command + "\n" + r);
            assertFalse(Files.exists(tmp.resolve("app.db")), "no database created\n" + r);
        }
    }

    @Test
    void anUnknownAppIsBadUsageNamingIt() {
        ReliabilityMigrations.writeChain(tmp, 1);
        for (List<String> command : COMMANDS) {
            Cli.Result r = covet(command, "--app", "biling");
            assertEquals(2, r.exitCode(), command + "\n" + r);
            assertTrue(r.err().contains("'biling'") && r.err().contains("default"), command + "\n" + r);
            assertFalse(Files.exists(tmp.resolve("app.db")), "no database created\n" + r);
        }
    }

    @Test
    void anUnusableEntryInTheMigrationsFolderIsAnErrorNamingIt() throws Exception {
        ReliabilityMigrations.writeChain(tmp, 1);
        Path dir = tmp.resolve("migrations");
        Path dangling = Files.createSymbolicLink(dir.resolve("20260101_000002_gone.json"), tmp.resolve("nowhere.json"));
        assertEntryRefused(dangling, "symbolic link");
        Files.delete(dangling);

        Path loop = dir.resolve("20260101_000002_loop.json");
        Files.createSymbolicLink(loop, loop);
        assertEntryRefused(loop, "symbolic link");
        Files.delete(loop);

        Path folder = Files.createDirectory(dir.resolve("20260101_000002_folder.json"));
        assertEntryRefused(folder, "is a folder");
        Files.delete(folder);

        Path fifo = dir.resolve("20260101_000002_fifo.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEntryRefused(fifo, "not a regular file");
        Files.delete(fifo);

        Cli.Result ok = covet(List.of("migrate"));
        assertEquals(0, ok.exitCode(), "with the entry gone the folder is fine\n" + ok);
    }

    private void assertEntryRefused(Path entry, String what) {
        Cli.Result r = covet(List.of("migrate"));
        assertEquals(1, r.exitCode(), entry + "\n" + r);
        assertTrue(r.err().contains(entry.getFileName().toString()) && r.err().contains(what), entry + "\n" + r);
        assertFalse(Files.exists(tmp.resolve("app.db")), "no database created\n" + r);
    }

    @Test
    void aDuplicateKeyInCovetYamlIsBadUsageNamingKeyAndLine() throws Exception {
        ReliabilityMigrations.writeChain(tmp, 1);
        Files.writeString(tmp.resolve("covet.yaml"), "url: " + url() + "\napp: default\nurl: jdbc:sqlite:other.db\n");
        Cli.Result r = ReliabilityProcess.run(tmp, "migrate");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("covet.yaml:3") && r.err().contains("'url'"), r.toString());
        assertFalse(Files.exists(tmp.resolve("app.db")) || Files.exists(tmp.resolve("other.db")), r.toString());
    }

    @Test
    void aSelfDependencyIsReportedAsSuch() {
        ReliabilityMigrations.writeChain(tmp, 2);
        String id = ReliabilityMigrations.id(3);
        ReliabilityMigrations.write(tmp, id, id, ReliabilityMigrations.chainOps(3));
        Cli.Result r = covet(List.of("migrate"));
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(id) && r.err().contains("depends on itself"), r.toString());
        assertFalse(r.err().contains("no successor") || r.err().contains("branches"), r.toString());
        assertFalse(Files.exists(tmp.resolve("app.db")), r.toString());
    }
}
