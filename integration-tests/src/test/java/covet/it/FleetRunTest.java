package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet runs ({@code --targets}): PostgreSQL schemas of one database and MariaDB databases, each migrated by three
 * fleet runs at once with {@code --parallel 8}, as three replicas of a deployment would: the issue's 200 schemas
 * and 50 databases ({@code COVET_TEST_FLEET_SMALL=1}: 100 and 25, where the suite's time is short, since the cost
 * grows faster than the fleet: PostgreSQL's drift check reads every tenant's schema).
 * Every target ends current with each migration applied once (the per-database lock makes the replicas wait for
 * each other), the one target made to fail is reported while the others finish, and the summary and
 * {@code --json} add up.
 */
class FleetRunTest {
    static final boolean FULL = !"1".equals(System.getenv("COVET_TEST_FLEET_SMALL"));
    static final int SCHEMAS = FULL ? 200 : 100;
    static final int DATABASES = FULL ? 50 : 25;
    static final int MIGRATIONS = 3;
    static final int RUNS = 3;
    static final String BROKEN = "tenant_037";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void threeConcurrentFleetRunsMigrateEverySchemaAndDatabaseEachMigrationOnce() throws Exception {
        writeMigrations(tmp);
        List<String> mysqlNames = new ArrayList<>();
        try (ServerDatabase pg = ServerDatabase.postgres(); ServerDatabase my = ServerDatabase.mysql()) {
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                StringBuilder ddl = new StringBuilder();
                IntStream.rangeClosed(1, SCHEMAS).forEach(i -> ddl.append("CREATE SCHEMA ").append(schema(i))
                        .append(";"));
                // the broken tenant already has a markers table of its own: the first migration fails there
                ddl.append("CREATE TABLE ").append(BROKEN).append(".markers (x int);");
                s.execute(ddl.toString());
            }
            try (Connection c = my.connect(); Statement s = c.createStatement()) {
                for (int i = 1; i <= DATABASES; i++) {
                    String name = my.name + "_" + i;
                    s.execute("CREATE DATABASE `" + name + "`");
                    mysqlNames.add(name);
                }
            }
            try {
                Files.writeString(tmp.resolve("pg.yaml"), "url: " + pg.url + "\n"
                        + "schemas_query: SELECT nspname FROM pg_namespace"
                        + " WHERE nspname LIKE 'tenant\\_%' ORDER BY 1\n");
                Files.writeString(tmp.resolve("my.yaml"), "url: " + my.url + "\ndatabases:\n"
                        + mysqlNames.stream().map(n -> "  - " + n + "\n").collect(Collectors.joining()));
                List<DeployerProcess> runs = new ArrayList<>();
                for (int r = 0; r < RUNS; r++) {
                    runs.add(DeployerProcess.start(tmp, Map.of(), "migrate", "--targets", "pg.yaml", "--parallel",
                            "8", "--continue-on-error", "--json"));
                    runs.add(DeployerProcess.start(tmp, Map.of(), "migrate", "--targets", "my.yaml", "--parallel",
                            "8"));
                }
                Map<String, Integer> pgApplied = new HashMap<>();
                Map<String, Integer> myApplied = new HashMap<>();
                for (int r = 0; r < runs.size(); r++) {
                    Cli.Result result = runs.get(r).await(300);
                    if (r % 2 == 0) {
                        checkPostgresJson(result, pgApplied);
                    } else {
                        checkMysqlText(result, myApplied);
                    }
                }
                for (int i = 1; i <= SCHEMAS; i++) {
                    String t = schema(i);
                    int expected = t.equals(BROKEN) ? 0 : MIGRATIONS;
                    assertEquals(expected, pgApplied.getOrDefault(t, 0), t + ": migrations applied over the runs");
                    if (!t.equals(BROKEN)) {
                        assertEquals(markers(), pg.query("SELECT m || '|' || count(*) FROM " + t
                                + ".markers GROUP BY m ORDER BY m"), t + ": each marker once");
                        assertEquals(MIGRATIONS, pg.query("SELECT name FROM " + t
                                + ".covet_migrations").size(), t + ": history");
                    }
                }
                assertEquals(List.of("0"), pg.query("SELECT count(*) FROM " + BROKEN + ".markers"),
                        "nothing was added to the broken tenant's own table");
                for (String name : mysqlNames) {
                    assertEquals(MIGRATIONS, myApplied.getOrDefault(name, 0), name + ": applied over the runs");
                    assertEquals(markers(), my.query("SELECT CONCAT(m, '|', COUNT(*)) FROM `" + name
                            + "`.markers GROUP BY m ORDER BY m"), name + ": each marker once");
                }
                // a second command over the same fleet: every MariaDB database is current now
                Cli.Result shown = DeployerProcess.start(tmp, Map.of(), "showmigrations", "--targets", "my.yaml",
                        "--parallel", "4").await(300);
                assertEquals(0, shown.exitCode(), shown.toString());
                assertTrue(shown.out().contains("showmigrations: " + DATABASES + " targets: " + DATABASES
                        + " current"), shown.toString());
            } finally {
                try (Connection c = my.connect(); Statement s = c.createStatement()) {
                    for (String name : mysqlNames) {
                        s.execute("DROP DATABASE IF EXISTS `" + name + "`");
                    }
                }
            }
        }
    }

    /** One fleet run's JSON: an entry per schema, the broken one failed with a message, the summary adding up. */
    private static void checkPostgresJson(Cli.Result result, Map<String, Integer> applied) throws Exception {
        assertEquals(1, result.exitCode(), "a fleet with a failed target exits 1\n" + result);
        JsonNode doc = JSON.readTree(result.out());
        assertEquals("migrate", doc.path("command").asText());
        assertEquals(false, doc.path("ok").asBoolean());
        JsonNode targets = doc.path("targets");
        assertEquals(SCHEMAS, targets.size(), "one entry per target");
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode t : targets) {
            String name = t.path("target").asText();
            String status = t.path("status").asText();
            counts.merge(status, 1, Integer::sum);
            if (name.equals(BROKEN)) {
                assertEquals("failed", status, t.toString());
                assertTrue(t.path("error").asText().contains(id(1)), "the error names the migration: " + t);
            } else {
                assertTrue(status.equals("applied") || status.equals("current"), t.toString());
                applied.merge(name, t.path("count").asInt(), Integer::sum);
            }
        }
        Map<String, Integer> summary = new HashMap<>();
        doc.path("summary").fields().forEachRemaining(e -> summary.put(e.getKey(), e.getValue().asInt()));
        assertEquals(counts, summary, "the summary counts the entries");
        assertEquals(1, summary.get("failed"));
    }

    /** One fleet run's text: a line per database as it finished, the summary line, exit 0. */
    private static void checkMysqlText(Cli.Result result, Map<String, Integer> applied) {
        assertEquals(0, result.exitCode(), result.toString());
        Pattern line = Pattern.compile("^\\[ *\\d+/" + DATABASES + "\\] (\\S+): (applied|current)(?: (\\d+))? \\(");
        int lines = 0;
        int appliedTargets = 0;
        for (String l : result.out().lines().toList()) {
            Matcher m = line.matcher(l);
            if (m.find()) {
                lines++;
                if (m.group(2).equals("applied")) {
                    appliedTargets++;
                    applied.merge(m.group(1), Integer.parseInt(m.group(3)), Integer::sum);
                }
            }
        }
        assertEquals(DATABASES, lines, "one line per target\n" + result);
        String summary = "migrate: " + DATABASES + " targets: "
                + (appliedTargets > 0 ? appliedTargets + " applied" : "")
                + (appliedTargets > 0 && appliedTargets < DATABASES ? ", " : "")
                + (appliedTargets < DATABASES ? (DATABASES - appliedTargets) + " current" : "");
        assertTrue(result.out().contains(summary), "summary '" + summary + "'\n" + result);
    }

    static String schema(int i) {
        return String.format("tenant_%03d", i);
    }

    static String id(int i) {
        return "20260401_" + String.format("%06d", i) + "_tenant" + i;
    }

    static List<String> markers() {
        return IntStream.rangeClosed(1, MIGRATIONS).mapToObj(i -> id(i) + "|1").toList();
    }

    static void writeMigrations(Path project) {
        for (int i = 1; i <= MIGRATIONS; i++) {
            List<String> ops = new ArrayList<>();
            if (i == 1) {
                ops.add("{\"op\": \"CreateTable\", \"table\": {\"name\": \"markers\", \"columns\": ["
                        + "{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false, \"autoIncrement\": true},"
                        + "{\"name\": \"m\", \"type\": \"varchar(100)\", \"nullable\": false}],"
                        + " \"primaryKey\": {\"columns\": [\"id\"]}}}");
            }
            ops.add(ReliabilityMigrations.runSql("INSERT INTO markers (m) VALUES ('" + id(i) + "')", ""));
            ReliabilityMigrations.write(project, id(i), i == 1 ? null : id(i - 1), ops);
        }
    }
}
