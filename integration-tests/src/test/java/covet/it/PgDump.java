package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.sql.SqlScript;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;

/**
 * The neutral oracle for PostgreSQL round trips: what {@code pg_dump --schema-only --no-owner --no-privileges}
 * prints for a database, as a sorted list of statements (session settings, comments and Covet's own history table
 * left out), so that two databases compare equal up to statement order. psql loads SQL files the same way a user
 * does. Both connect to 127.0.0.1:5432 as postgres, like the other client-driven tests.
 */
final class PgDump {
    private PgDump() {
    }

    /** Loads an SQL file into the database with psql, stopping at the first error. */
    static void load(ServerDatabase db, Path... files) {
        for (Path file : files) {
            String out = run(List.of("psql", "-X", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", db.name,
                    "-v", "ON_ERROR_STOP=1", "-f", file.toString()), "psql loads " + file);
            assertTrue(out.lines().noneMatch(l -> l.contains("ERROR")), out);
        }
    }

    /** The database's schema as pg_dump prints it: sorted statements without Covet's history table. */
    static List<String> statements(ServerDatabase db) {
        String dump = run(List.of("pg_dump", "--schema-only", "--no-owner", "--no-privileges", "-h", "127.0.0.1",
                "-U", "postgres", "-d", db.name), "pg_dump of " + db.name);
        StringBuilder kept = new StringBuilder();
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("--") || line.startsWith("SET ") || line.startsWith("SELECT pg_catalog.set_config")) {
                continue;
            }
            kept.append(line).append('\n');
        }
        List<String> statements = new ArrayList<>();
        for (SqlScript.Statement st : db.dialect.splitScript(kept.toString())) {
            String sql = st.sql().strip();
            if (!sql.isEmpty() && !sql.contains("covet_migrations")) {
                statements.add(sql);
            }
        }
        statements.sort(null);
        return statements;
    }

    /** Asserts two dumps are equal, naming only the statements that differ. */
    static void assertSame(List<String> expected, List<String> actual, String what) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        Predicate<List<String>> empty = List::isEmpty;
        if (!empty.test(missing) || !empty.test(extra)) {
            Assertions.fail(what + ": pg_dump differs\n--- only in the expected database (" + missing.size() + ")\n"
                    + String.join("\n", missing) + "\n--- only in the actual database (" + extra.size() + ")\n"
                    + String.join("\n", extra));
        }
        assertEquals(expected, actual, what);
    }

    private static String run(List<String> command, String what) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(new File("/dev/null"));
        try {
            Path out = Files.createTempFile("covet-pg", ".txt");
            pb.redirectOutput(out.toFile());
            Process p;
            try {
                p = pb.start();
            } catch (IOException noClient) {
                if (Servers.required("postgresql")) {
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
}
