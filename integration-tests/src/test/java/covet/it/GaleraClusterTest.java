package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Covet on a real 3-node MariaDB Galera cluster, where {@code GET_LOCK} locks one node only: deployers spread over
 * the nodes must still apply every migration exactly once, a dead holder's lock is taken over after its lease and
 * never earlier, and a node that dies mid-run never leaves history that claims what did not happen.
 * <p>
 * {@code COVET_TEST_GALERA_ROUNDS} (default 3, 5 to 15 s each) sets the rounds of the concurrency test; the
 * issue's full run is 20, which {@code .ci/run} sets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GaleraClusterTest {
    static final int DEPLOYERS = 8;
    static final int MIGRATIONS = 30;
    /** A short lease, so that the take-over tests wait seconds, not the default 30. */
    static final int LEASE = 5;
    static final long HANG = 180;

    static GaleraTestCluster cluster;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        cluster = GaleraTestCluster.obtain();
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    static int rounds() {
        String v = System.getenv("COVET_TEST_GALERA_ROUNDS");
        return v == null || v.isBlank() ? 3 : Integer.parseInt(v.trim());
    }

    @Test
    @Order(0)
    void pluginsShowsTheClusterAndMigrateRefusesRsu() throws Exception {
        String db = freshDatabase();
        writeMarkerMigrations(tmp, 2, Map.of());
        Cli.Result plugins = DeployerProcess.start(tmp, Map.of(), "plugins", "--url", cluster.url(2, db)).await(HANG);
        assertEquals(0, plugins.exitCode(), plugins.toString());
        assertTrue(plugins.out().contains("server: Galera cluster of 3 nodes (this node: node2, Synced, DDL TOI)"),
                plugins.toString());
        Cli.Result refused;
        cluster.execute(2, "SET GLOBAL wsrep_OSU_method = 'RSU'");
        try {
            refused = DeployerProcess.start(tmp, Map.of(), "migrate", "--url", cluster.url(2, db)).await(HANG);
        } finally {
            cluster.execute(2, "SET GLOBAL wsrep_OSU_method = 'TOI'");
        }
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("wsrep_OSU_method is RSU on node node2"), refused.toString());
        assertEquals(List.of(), cluster.query(1, db, "SHOW TABLES"), "nothing was created");
        cluster.execute(1, "DROP DATABASE `" + db + "`");
    }

    @Test
    @Order(1)
    void eightDeployersOnThreeNodesApplyEveryMigrationExactlyOnce() throws Exception {
        writeMarkerMigrations(tmp, MIGRATIONS, Map.of());
        for (int round = 1; round <= rounds(); round++) {
            String db = freshDatabase();
            List<DeployerProcess> deployers = new ArrayList<>();
            for (int i = 0; i < DEPLOYERS; i++) {
                deployers.add(DeployerProcess.start(tmp, Map.of(), "migrate", "--url", cluster.url(i % 3 + 1, db)));
            }
            int applied = 0;
            StringBuilder all = new StringBuilder();
            for (DeployerProcess d : deployers) {
                Cli.Result r = d.await(HANG);
                all.append(r).append('\n');
                assertEquals(0, r.exitCode(), "round " + round + ": every deployer exits 0\n" + r);
                applied += (int) r.out().lines().filter(l -> l.startsWith("Applied ")).count();
            }
            assertEquals(MIGRATIONS, applied, "round " + round + ": each migration applied by one deployer\n" + all);
            List<String> history = null;
            for (int node = 1; node <= 3; node++) {
                assertEquals(expectedMarkers(MIGRATIONS, Map.of()), markers(node, db),
                        "round " + round + ", node" + node + ": every marker exactly once");
                List<String> rows = cluster.query(node, db, "SELECT name, checksum, operations_applied, status"
                        + " FROM covet_migrations ORDER BY id");
                assertEquals(MIGRATIONS, rows.size(), "node" + node + ": one history row per migration");
                assertTrue(rows.stream().allMatch(r -> r.endsWith("|APPLIED")), rows.toString());
                if (history != null) {
                    assertEquals(history, rows, "round " + round + ": node" + node + " has node1's history");
                }
                history = rows;
                assertEquals(List.of(), cluster.query(node, db, "SELECT holder FROM covet_migrations_lock"),
                        "the lock row is gone once every deployer is done");
            }
            cluster.execute(1, "DROP DATABASE `" + db + "`");
        }
    }

    @Test
    @Order(2)
    void aLiveHolderBusyLongerThanTheLeaseKeepsTheLock() throws Exception {
        String db = freshDatabase();
        // migration 2 runs for twice the lease: only the heartbeat keeps the other deployer out
        writeMarkerMigrations(tmp, 4, Map.of(2, "DO SLEEP(" + 2 * LEASE + ")"));
        DeployerProcess holder = DeployerProcess.start(tmp, lease(), "migrate", "--url", cluster.url(1, db));
        awaitRow(1, db, 2, "RUNNING", holder);
        DeployerProcess other = DeployerProcess.start(tmp, lease(), "migrate", "--url", cluster.url(2, db));
        Cli.Result first = holder.await(HANG);
        Cli.Result second = other.await(HANG);
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals(4, count(first, "Applied ") + count(second, "Applied "), first + "\n" + second);
        for (int node = 1; node <= 3; node++) {
            assertEquals(expectedMarkers(4, Map.of(2, "")), markers(node, db), "node" + node);
        }
        cluster.execute(1, "DROP DATABASE `" + db + "`");
    }

    @Test
    @Order(3)
    void aHolderKilledWithSigkillIsTakenOverAfterTheLeaseAndTheRunCompletes() throws Exception {
        String db = freshDatabase();
        writeMarkerMigrations(tmp, 5, Map.of(2, "DO SLEEP(3)"));
        DeployerProcess victim = DeployerProcess.start(tmp, lease(), "migrate", "--url", cluster.url(1, db));
        awaitRow(1, db, 2, "RUNNING", victim);
        victim.kill();
        long killed = System.nanoTime();
        DeployerProcess successor = DeployerProcess.start(tmp, lease(), "migrate", "--url", cluster.url(2, db));
        Cli.Result r = successor.await(HANG);
        double waited = (System.nanoTime() - killed) / 1e9;
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(waited >= LEASE, "the successor waited a whole lease (" + LEASE + " s) after the kill, not "
                + waited + " s\n" + r);
        for (int node = 1; node <= 3; node++) {
            assertEquals(expectedMarkers(5, Map.of(2, "")), markers(node, db), "node" + node);
            assertEquals(5, cluster.query(node, db, "SELECT name FROM covet_migrations WHERE status = 'APPLIED'")
                    .size(), "node" + node + ": all five recorded as applied");
        }
        cluster.execute(1, "DROP DATABASE `" + db + "`");
    }

    /** Last: the cluster is down to two nodes afterwards. */
    @Test
    @Order(4)
    void aNodeStoppedDuringARunFailsItClearlyAndHistoryClaimsNothingThatDidNotHappen() throws Exception {
        String db = freshDatabase();
        Map<Integer, String> slow = IntStream.rangeClosed(2, 10).boxed()
                .collect(Collectors.toMap(i -> i, i -> "DO SLEEP(0.5)"));
        writeMarkerMigrations(tmp, 10, Map.of(), slow);
        DeployerProcess doomed = DeployerProcess.start(tmp, lease(), "migrate", "--url", cluster.url(3, db));
        awaitRow(1, db, 4, "RUNNING", doomed);
        cluster.crash(3);
        Cli.Result r = doomed.await(HANG);
        assertNotEquals(0, r.exitCode(), "a run whose node died does not report success\n" + r);
        assertTrue(r.err().toLowerCase().contains("fail") || r.err().toLowerCase().contains("communications"),
                "the failure is named\n" + r);
        // what the surviving nodes record must have happened: a recorded marker insert left its marker
        List<String> markers = markers(1, db);
        for (String row : cluster.query(1, db, "SELECT name, operations_applied FROM covet_migrations")) {
            String[] parts = row.split("\\|");
            if (Integer.parseInt(parts[1]) >= 1) {
                assertTrue(markers.stream().anyMatch(m -> m.startsWith(parts[0] + "|")),
                        parts[0] + " is recorded with its marker insert applied, so its marker exists: " + markers);
            }
        }
        // and a deployer on a surviving node finishes the run once the dead run's lease has run out
        Cli.Result rest = DeployerProcess.start(tmp, lease(), "migrate", "--url", cluster.url(1, db)).await(HANG);
        assertEquals(0, rest.exitCode(), rest.toString());
        assertEquals(10, cluster.query(2, db, "SELECT name FROM covet_migrations WHERE status = 'APPLIED'").size());
        List<String> after = markers(2, db);
        for (int i = 1; i <= 10; i++) {
            String id = id(i);
            assertTrue(after.stream().anyMatch(m -> m.startsWith(id + "|")), id + " has its marker: " + after);
        }
    }

    static Map<String, String> lease() {
        return Map.of("COVET_LOCK_LEASE_SECONDS", String.valueOf(LEASE));
    }

    static long count(Cli.Result r, String prefix) {
        return r.out().lines().filter(l -> l.startsWith(prefix)).count();
    }

    /** Waits until migration {@code i}'s history row shows {@code status} on node {@code node}. */
    void awaitRow(int node, String db, int i, String status, DeployerProcess p) throws InterruptedException {
        for (int tries = 0; tries < 1200; tries++) {
            try {
                if (cluster.query(node, db, "SELECT status FROM covet_migrations WHERE name = '" + id(i) + "'")
                        .contains(status)) {
                    return;
                }
            } catch (IllegalStateException noTableYet) {
                // the history table is created by the first deployer
            }
            if (!p.alive()) {
                throw new AssertionError("the deployer ended before migration " + i + " was " + status + "\n"
                        + p.await(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("migration " + i + " never became " + status);
    }

    String freshDatabase() {
        String db = "covet_g_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        cluster.execute(1, "CREATE DATABASE `" + db + "`");
        return db;
    }

    /** {@code marker|count} for each marker on node {@code node}, sorted. */
    List<String> markers(int node, String db) {
        return cluster.query(node, db, "SELECT m, COUNT(*) FROM markers GROUP BY m ORDER BY m");
    }

    static List<String> expectedMarkers(int count, Map<Integer, String> extra) {
        return IntStream.rangeClosed(1, count).filter(i -> !extra.containsKey(i) || !extra.get(i).isEmpty())
                .mapToObj(i -> id(i) + "|1").toList();
    }

    static String id(int i) {
        return "20260301_" + String.format("%06d", i) + "_marker" + i;
    }

    /**
     * Migrations 1..count, a chain: the first creates {@code markers}; each inserts its own marker row, except where
     * {@code extra} gives it another statement instead (a sleep, to be caught holding the lock).
     */
    static void writeMarkerMigrations(Path project, int count, Map<Integer, String> extra) throws Exception {
        writeMarkerMigrations(project, count, extra, Map.of());
    }

    /** As above; {@code after} adds a statement after a migration's marker insert. */
    static void writeMarkerMigrations(Path project, int count, Map<Integer, String> extra, Map<Integer, String> after)
            throws Exception {
        Path dir = Files.createDirectories(project.resolve("migrations"));
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        for (int i = 1; i <= count; i++) {
            List<String> ops = new ArrayList<>();
            if (i == 1) {
                ops.add("{\"op\": \"CreateTable\", \"table\": {\"name\": \"markers\", \"columns\": ["
                        + "{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false, \"autoIncrement\": true},"
                        + "{\"name\": \"m\", \"type\": \"varchar(100)\", \"nullable\": false}],"
                        + " \"primaryKey\": {\"columns\": [\"id\"]}}}");
            }
            String sql = extra.containsKey(i) ? extra.get(i) : "INSERT INTO markers (m) VALUES ('" + id(i) + "')";
            ops.add(ReliabilityMigrations.runSql(sql, ""));
            if (after.containsKey(i)) {
                ops.add(ReliabilityMigrations.runSql(after.get(i), ""));
            }
            ReliabilityMigrations.write(project, id(i), i == 1 ? null : id(i - 1), ops);
        }
    }
}
