package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies rendered operations to a fresh database and reads back what the database holds through a neutral
 * oracle: {@code pg_dump --schema-only} (statements, sorted, without comments and settings) and plain catalog
 * queries. Covet's own introspector is not used here.
 */
final class RenderedSqlHarness implements AutoCloseable {
    private final PostgresTestDatabase db;
    private final Connection connection;
    private final Migrator migrator;

    RenderedSqlHarness() throws SQLException {
        this.db = PostgresTestDatabase.create();
        this.connection = db.connect();
        this.migrator = new Migrator(connection, Schema.EMPTY);
    }

    Connection connection() {
        return connection;
    }

    Schema state() {
        return migrator.state();
    }

    /** Renders against the model state, executes in one transaction, commits; returns the statements. */
    List<String> apply(Operation op) throws SQLException {
        return migrator.apply(op);
    }

    /** Applies the operation's reverse. */
    List<String> reverse(Operation op) throws SQLException {
        return migrator.apply(op.reverse().orElseThrow());
    }

    /**
     * Applies {@code op}, runs {@code check}, applies its reverse and asserts the dump equals the one before.
     * Returns the forward statements.
     */
    List<String> roundTrip(Operation op, Check check) throws Exception {
        List<String> before = dump();
        List<String> sql = apply(op);
        check.run();
        reverse(op);
        assertEquals(before, dump(), "the reverse of " + op.describe() + " restores the schema; forward SQL: " + sql);
        return sql;
    }

    /** Executes SQL outside the migrator, committed. */
    void execute(String... sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
        connection.commit();
    }

    /** The first column of every row, as text. */
    List<String> query(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        connection.commit();
        return out;
    }

    String one(String sql) throws SQLException {
        List<String> rows = query(sql);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    /** The schema statements pg_dump writes, normalised: comments, settings and blank lines left out, sorted. */
    List<String> dump() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("pg_dump", "--schema-only", "--no-owner", "--no-privileges",
                "-h", "127.0.0.1", "-U", "postgres", db.name());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pg_dump finishes");
        assertEquals(0, p.exitValue(), text);
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("--") || line.startsWith("SET ") || line.startsWith("SELECT pg_catalog.set_config")
                    || line.startsWith("\\") || line.isBlank()) {
                continue;
            }
            kept.append(line).append('\n');
        }
        List<String> statements = new ArrayList<>(Arrays.asList(kept.toString().split(";\n")));
        statements.replaceAll(String::strip);
        statements.removeIf(String::isEmpty);
        statements.sort(null);
        return statements;
    }

    /** The dump as one text, for "contains" checks. */
    String dumpText() throws IOException, InterruptedException {
        return String.join(";\n", dump());
    }

    @Override
    public void close() throws Exception {
        connection.close();
        db.close();
    }

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }
}
