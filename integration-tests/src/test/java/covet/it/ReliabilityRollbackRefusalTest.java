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
 * Rolling back past an irreversible operation (RunSQL without reverse SQL) is refused before anything runs, naming
 * the migration and the operation, on the server databases (SQLite: SqliteLifecycleTest).
 */
class ReliabilityRollbackRefusalTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRES", "MYSQL"})
    void irreversibleOperationIsRefusedByNameBeforeAnythingIsExecuted(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            String m1 = ReliabilityMigrations.id(1);
            String m2 = "20260101_000002_backfill";
            String m3 = ReliabilityMigrations.id(3);
            ReliabilityMigrations.write(tmp, m1, null, ReliabilityMigrations.chainOps(1));
            ReliabilityMigrations.write(tmp, m2, m1,
                    List.of(ReliabilityMigrations.runSql("INSERT INTO rel_t1 (id, c1) VALUES (1, 'seed')", null)));
            ReliabilityMigrations.write(tmp, m3, m2, ReliabilityMigrations.chainOps(3));
            assertEquals(0, ReliabilityProcess.run(tmp, "migrate", "--url", db.url).exitCode());
            List<String> history = db.history();
            List<String> tables = db.tables();

            Cli.Result r = ReliabilityProcess.run(tmp, "rollback", "--yes", "--to", m1, "--url", db.url);
            if (r.exitCode() == 2) { // no --to option: roll back one at a time
                assertEquals(0, ReliabilityProcess.run(tmp, "rollback", "--yes", "--url", db.url).exitCode());
                history = db.history();
                tables = db.tables();
                r = ReliabilityProcess.run(tmp, "rollback", "--yes", "--url", db.url);
            }
            assertEquals(1, r.exitCode(), r.toString());
            assertTrue(r.err().contains(m2) && r.err().contains("RunSQL"), "names migration and operation\n" + r);
            assertEquals(history, db.history(), "nothing was reverted");
            assertEquals(tables, db.tables());
            assertEquals(List.of("1|seed"), db.query("SELECT id, c1 FROM rel_t1"));
        }
    }
}
