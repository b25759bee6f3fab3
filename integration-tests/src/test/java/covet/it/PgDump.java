package covet.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.sql.SqlScript;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        ClientTool.assertSameStatements("pg_dump", expected, actual, what);
    }

    private static String run(List<String> command, String what) {
        return ClientTool.run(command, null, "postgresql", what);
    }
}
