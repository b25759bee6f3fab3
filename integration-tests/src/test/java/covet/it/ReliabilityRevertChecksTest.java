package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 18: every command that reverts checks the files it would revert first. An applied {@code AddColumn
 * orders.note} edited into {@code CreateTable customers} must not be "reverted" by dropping customers: rollback,
 * rollback --sql and migrate TARGET backwards refuse naming the file and both checksums, the database untouched;
 * showmigrations says CHANGED.
 */
class ReliabilityRevertChecksTest {
    @TempDir
    Path tmp;

    private static final String M1 = "20260101_000001_orders";
    private static final String M2 = "20260101_000002_note";

    @ParameterizedTest
    @EnumSource(Kind.class)
    void revertingAnEditedAppliedFileIsRefusedNamingItAndTheDatabaseIsUntouched(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            ReliabilityMigrations.write(tmp, M1, null, List.of("{\"op\": \"CreateTable\", \"table\": {\"name\": "
                    + "\"orders\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false}],"
                    + " \"primaryKey\": {\"columns\": [\"id\"]}}}"));
            ReliabilityMigrations.write(tmp, M2, M1, List.of("{\"op\": \"AddColumn\", \"table\": \"orders\","
                    + " \"column\": {\"name\": \"note\", \"type\": \"varchar(40)\"}}"));
            assertEquals(0, ReliabilityProcess.run(tmp, "migrate", "--url", db.url).exitCode());
            db.execute("INSERT INTO orders (id, note) VALUES (1, 'keep me')");
            String recorded = db.query("SELECT checksum FROM covet_migrations WHERE name = '" + M2 + "'").get(0);
            Path edited = ReliabilityMigrations.write(tmp, M2, M1, List.of("{\"op\": \"CreateTable\", \"table\":"
                    + " {\"name\": \"customers\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\","
                    + " \"nullable\": false}], \"primaryKey\": {\"columns\": [\"id\"]}}}"));
            List<String> history = db.history();
            List<String> tables = db.tables();

            Cli.Result shown = ReliabilityProcess.run(tmp, "showmigrations", "--url", db.url);
            assertEquals(0, shown.exitCode(), shown.toString());
            assertTrue(shown.out().lines().anyMatch(l -> l.startsWith("CHANGED") && l.contains(M2)), shown.toString());
            assertTrue(shown.out().lines().anyMatch(l -> l.startsWith("APPLIED") && l.contains(M1)), shown.toString());

            for (String[] command : List.of(new String[] {"rollback", "--yes"}, new String[] {"rollback", "--sql"},
                    new String[] {"migrate", M1, "--yes"})) {
                List<String> args = new java.util.ArrayList<>(List.of(command));
                args.addAll(List.of("--url", db.url));
                Cli.Result r = ReliabilityProcess.run(tmp, args.toArray(String[]::new));
                String what = String.join(" ", command) + "\n" + r;
                assertEquals(1, r.exitCode(), what);
                assertTrue(r.err().contains(M2) && r.err().contains(edited.getFileName().toString()), what);
                assertTrue(r.err().contains("changed after it was applied") && r.err().contains(recorded), what);
                assertTrue(!r.out().contains("DROP"), "no script written\n" + what);
                assertEquals(history, db.history(), what);
                assertEquals(tables, db.tables(), what);
                assertEquals(List.of("id", "note"), db.columns("orders"), what);
                assertEquals(List.of("1|keep me"), db.query("SELECT id, note FROM orders"), what);
            }
        }
    }

    /** A row recorded as running (another deployer, or a killed one) is shown as RUNNING, not FAILED. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"MYSQL"})
    void aRunningMigrationIsShownAsRunning(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            ReliabilityMigrations.writeChain(tmp, 1);
            assertEquals(0, ReliabilityProcess.run(tmp, "migrate", "--url", db.url).exitCode());
            db.execute("UPDATE covet_migrations SET status = 'RUNNING', operations_applied = 1");
            Cli.Result shown = ReliabilityProcess.run(tmp, "showmigrations", "--url", db.url);
            assertEquals(0, shown.exitCode(), shown.toString());
            assertTrue(shown.out().lines().anyMatch(l -> l.startsWith("RUNNING") && l.contains(
                    ReliabilityMigrations.id(1)) && l.contains("1 of 3")), shown.toString());
        }
    }
}
