package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/** A database's own client tool (pg_dump, psql, mariadb-dump, mariadb, sqlite3) run as the neutral oracle. */
final class ClientTool {
    private ClientTool() {
    }

    /**
     * Runs {@code command} with {@code input} (or nothing) on its standard input and returns what it printed; a
     * non-zero exit fails the test. A tool that is not installed skips the test with one line, or fails it when
     * {@code COVET_TEST_REQUIRE} names {@code server}.
     */
    static String run(List<String> command, Path input, String server, String what) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(input == null ? new File("/dev/null") : input.toFile());
        try {
            Path out = Files.createTempFile("covet-" + command.get(0), ".txt");
            pb.redirectOutput(out.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException noClient) {
                if (Servers.required(server)) {
                    throw noClient;
                }
                org.junit.jupiter.api.Assumptions.abort(command.get(0) + " is not installed: " + what + " skipped");
                return "";
            }
            assertTrue(p.waitFor(300, TimeUnit.SECONDS), what + " did not finish");
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            assertEquals(0, p.exitValue(), what + ":\n" + text);
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what, e);
        }
    }

    /** Asserts two sorted statement lists of {@code tool}'s output are equal, naming only the statements that differ. */
    static void assertSameStatements(String tool, List<String> expected, List<String> actual, String what) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            Assertions.fail(what + ": " + tool + " differs\n--- only in the expected database (" + missing.size()
                    + ")\n" + String.join("\n", missing) + "\n--- only in the actual database (" + extra.size()
                    + ")\n" + String.join("\n", extra));
        }
        assertEquals(expected, actual, what);
    }
}
