package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema too large for one transaction on a default-configured server (max_locks_per_transaction = 64): each
 * table with a text column and three indexes takes about eleven locks (table, primary key index, TOAST table and
 * index, secondary indexes), and the shared lock table of a default server fills at about 1,400 such tables. makemigrations splits the migration into a chain that each fit,
 * and migrate applies them; a hand-made single migration of the same size fails naming the setting, leaving
 * nothing half-applied.
 */
class PostgresLargeSchemaTest {
    /** About 11 locks each (table, TOAST table and index, 4 indexes, ...): some 16,500, past the default table. */
    private static final int TABLES = 1500;

    @TempDir
    Path dir;

    @Test
    void largeSchemaIsSplitIntoMigrationsThatEachFit() throws Exception {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= TABLES; i++) {
            String t = "t" + i;
            sql.append("CREATE TABLE ").append(t).append(" (id integer PRIMARY KEY, body text NOT NULL, a integer, ")
                    .append("b integer);\n");
            for (String c : List.of("body", "a", "b")) {
                sql.append("CREATE INDEX ").append(t).append('_').append(c).append(" ON ").append(t).append(" (")
                        .append(c).append(");\n");
            }
        }
        Path schema = Files.writeString(dir.resolve("large.sql"), sql);
        try (ServerDatabase db = ServerDatabase.postgres(); ServerDatabase single = ServerDatabase.postgres()) {
            List<String> locks = db.query("SHOW max_locks_per_transaction");
            Path project = Files.createDirectories(dir.resolve("split"));
            PostgresSchemasRoundTripTest.ok(project, "--url", db.url, "makemigrations", "--schema",
                    schema.toString(), "--name", "large");
            long files;
            try (Stream<Path> f = Files.list(project.resolve("migrations"))) {
                files = f.filter(p -> p.toString().endsWith(".json")).count();
            }
            assertTrue(files > 1, "split into a chain: " + files + " migrations");
            PostgresSchemasRoundTripTest.ok(project, "--url", db.url, "migrate", "--yes");
            assertEquals(List.of(String.valueOf(TABLES)), db.query("SELECT count(*) FROM pg_class c JOIN "
                    + "pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' "
                    + "AND c.relname <> 'covet_migrations'"));

            if (locks.equals(List.of("64"))) {
                Path one = Files.createDirectories(dir.resolve("single"));
                PostgresSchemasRoundTripTest.ok(one, "--url", single.url, "makemigrations", "--schema",
                        schema.toString(), "--name", "large", "--max-operations", "100000");
                Cli.Result r = Cli.run(one, "--url", single.url, "migrate", "--yes");
                assertEquals(1, r.exitCode(), r.toString());
                assertTrue(r.err().contains("max_locks_per_transaction"), "names the setting\n" + r);
                assertEquals(List.of(), single.tables().stream().filter(t -> !t.equals("covet_migrations"))
                        .toList(), "nothing half-applied");
            } else {
                System.out.println("postgresql max_locks_per_transaction is " + locks
                        + ", not the default 64: the single-migration failure is not provoked");
            }
        }
    }
}
