package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, a history that never lies: a hand-edited history row with values Covet never writes (progress below 0
 * or above the total, an unknown status) is an error naming the row and the value, exit 1, never an exception trace
 * or a silent "Applied"; an unreadable migration file says "permission denied" with its path. Through the built CLI.
 */
class ReliabilityHistoryRowsTest {
    @TempDir
    Path tmp;

    @Test
    void impossibleHistoryValuesAreNamedNeverTrusted() throws Exception {
        List<String> ids = ReliabilityMigrations.writeChain(tmp, 2);
        try (ReliabilityDb db = ReliabilityDb.create(Kind.MYSQL, tmp)) {
            Cli.Result ok = Cli.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, ok.exitCode(), ok.toString());
            String second = "UPDATE covet_migrations SET %s WHERE name = '" + ids.get(1) + "'";
            List<String[]> edits = List.of(
                    new String[] {"operations_applied = -3, status = 'FAILED'", "operations_applied -3"},
                    new String[] {"operations_applied = 7, status = 'FAILED'", "operations_applied 7"},
                    new String[] {"operations_applied = 3, status = 'DONE'", "status 'DONE'"});
            for (String[] edit : edits) {
                db.execute(String.format(second, edit[0]));
                for (List<String> command : List.of(List.of("migrate"), List.of("showmigrations"),
                        List.of("rollback", "--yes"), List.of("migrate", "--sql"))) {
                    List<String> args = new ArrayList<>(command);
                    args.addAll(List.of("--url", db.url));
                    Cli.Result r = Cli.run(tmp, args.toArray(String[]::new));
                    assertEquals(1, r.exitCode(), edit[0] + " " + command + "\n" + r);
                    assertTrue(r.err().contains(ids.get(1)) && r.err().contains(edit[1])
                            && r.err().contains("covet_migrations row id"), edit[0] + " " + command + "\n" + r);
                    assertFalse(r.err().contains("Exception") || r.out().contains("Applied"),
                            edit[0] + " " + command + "\n" + r);
                }
            }
            assertEquals(List.of("rel_t1", "rel_t2"), db.tables().stream().filter(t -> t.startsWith("rel_")).toList(),
                    "nothing was reverted or re-applied");
        }
    }

    @Test
    void anUnreadableMigrationFileSaysPermissionDenied() throws Exception {
        ReliabilityMigrations.writeChain(tmp, 1);
        Path file = tmp.resolve("migrations").resolve(ReliabilityMigrations.id(1) + ".json");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> command = new ArrayList<>();
        // root reads any file: run the CLI as nobody, as a deployer without the permission would
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(Cli.launcher().toString(), "migrate", "--url", "jdbc:sqlite:" + tmp.resolve("a.db")));
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(1, p.waitFor(), out);
        assertTrue(out.contains(file.toString()) && out.contains("permission denied"), out);
        assertFalse(Files.exists(tmp.resolve("a.db")), out);
    }
}
