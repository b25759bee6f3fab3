package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 18: a typed operation carries no SQL of its own. An expression in each typed field that closes what the
 * renderer opened and appends {@code DROP TABLE victim} is refused when the migration is loaded, naming the file
 * and the field; the victim table, its row and the history stay as they were.
 */
class ReliabilitySmuggledSqlTest {
    @TempDir
    Path tmp;

    private static final String M1 = "20260101_000001_victim";
    private static final String M2 = "20260101_000002_smuggle";
    private static final String DROP = "DROP TABLE victim";

    /** Field named in the refusal -> the operation (JSON) that smuggles {@link #DROP} through it. */
    private static Map<String, String> smugglers(Kind kind) {
        Map<String, String> ops = new LinkedHashMap<>();
        ops.put("expression of check ck_smuggle", "{\"op\": \"AddCheck\", \"table\": \"victim\", \"check\": {\"name\":"
                + " \"ck_smuggle\", \"expression\": \"id > 0); " + DROP + "; --\"}}");
        ops.put("default of column victim.d", "{\"op\": \"AddColumn\", \"table\": \"victim\", \"column\": {\"name\":"
                + " \"d\", \"type\": \"integer\", \"default\": \"0; " + DROP + "\"}}");
        ops.put("generated expression of column t2.g", "{\"op\": \"CreateTable\", \"table\": {\"name\": \"t2\","
                + " \"columns\": [{\"name\": \"id\", \"type\": \"integer\"}, {\"name\": \"g\", \"type\": \"integer\","
                + " \"generated\": \"id + 1) STORED); " + DROP + "; --\"}]}}");
        ops.put("where of index ix_smuggle", "{\"op\": \"CreateIndex\", \"table\": \"victim\", \"index\": {\"name\":"
                + " \"ix_smuggle\", \"columns\": [\"id\"], \"where\": \"id > 0; " + DROP + "\"}}");
        ops.put("expression of index ix_expr", "{\"op\": \"CreateIndex\", \"table\": \"victim\", \"index\": {\"name\":"
                + " \"ix_expr\", \"columns\": [{\"expression\": \"id)); " + DROP + "; --\"}]}}");
        ops.put("bound of partition", "{\"op\": \"AttachPartition\", \"table\": \"victim\", \"partition\":"
                + " {\"parent\": \"victim\", \"bound\": \"DEFAULT; " + DROP + "\"}}");
        if (kind == Kind.POSTGRES) {
            ops.put("definition of exclusion ex_smuggle", "{\"op\": \"AddExclusion\", \"table\": \"victim\","
                    + " \"exclusion\": {\"name\": \"ex_smuggle\", \"definition\": \"EXCLUDE USING btree (id WITH =)"
                    + " /* " + DROP + "\"}}");
            ops.put("partitionBy of table t3", "{\"op\": \"CreateTable\", \"table\": {\"name\": \"t3\", \"columns\":"
                    + " [{\"name\": \"id\", \"type\": \"integer\"}], \"partitionBy\": \"RANGE (id)); " + DROP
                    + "; --\"}}");
        }
        return ops;
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"SQLITE", "POSTGRES"})
    void anExpressionThatSmugglesAStatementIsRefusedAndTheDatabaseUntouched(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            write(M1, null, "{\"op\": \"CreateTable\", \"table\": {\"name\": \"victim\", \"columns\": [{\"name\":"
                    + " \"id\", \"type\": \"integer\", \"nullable\": false}],"
                    + " \"primaryKey\": {\"columns\": [\"id\"]}}}");
            assertEquals(0, ReliabilityProcess.run(tmp, "migrate", "--url", db.url).exitCode());
            db.execute("INSERT INTO victim (id) VALUES (7)");
            List<String> history = db.history();
            List<String> tables = db.tables();
            for (Map.Entry<String, String> e : smugglers(kind).entrySet()) {
                Path file = write(M2, M1, e.getValue());
                Cli.Result r = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
                String what = e.getKey() + "\n" + r;
                assertEquals(1, r.exitCode(), what);
                assertTrue(r.err().contains(file.getFileName().toString()) && r.err().contains(e.getKey())
                        && r.err().contains("not one expression"), what);
                assertEquals(history, db.history(), what);
                assertEquals(tables, db.tables(), what);
                assertEquals(List.of("id"), db.columns("victim"), what);
                assertEquals(List.of("7"), db.query("SELECT id FROM victim"), what);
            }
            // the same expression without the smuggled statement is accepted: the refusal is the statement's
            write(M2, M1, "{\"op\": \"AddCheck\", \"table\": \"victim\", \"check\": {\"name\": \"ck_fine\","
                    + " \"expression\": \"id > 0 AND id <> 13\"}}");
            Cli.Result ok = ReliabilityProcess.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, ok.exitCode(), ok.toString());
            assertEquals(List.of("7"), db.query("SELECT id FROM victim"));
        }
    }

    private Path write(String id, String dependency, String operation) throws Exception {
        String json = "{\n  \"format\": 2,\n  \"id\": \"" + id + "\",\n  \"app\": \"default\",\n"
                + "  \"dependencies\": [" + (dependency == null ? "" : "\"" + dependency + "\"") + "],\n"
                + "  \"operations\": [\n    " + operation + "\n  ]\n}\n";
        Path dir = Files.createDirectories(tmp.resolve("migrations"));
        return Files.writeString(dir.resolve(id + ".json"), json);
    }
}
