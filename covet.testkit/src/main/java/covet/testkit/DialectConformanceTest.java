package covet.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.api.operation.OperationVisitor;
import covet.api.spi.Dialect;
import covet.api.spi.MigrationLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * The dialect conformance suite. Subclass it in your dialect's tests, name the dialect and give it an empty
 * database; the dialect is loaded by name through {@link java.util.ServiceLoader}, as Covet loads it.
 *
 * <pre>{@code
 * class MyDialectConformanceTest extends DialectConformanceTest {
 *     protected String dialectName() { return "mydb"; }
 *     protected ConformanceDatabase createDatabase(Path folder) {
 *         return ConformanceDatabase.of("jdbc:mydb:" + folder.resolve("conformance.db"));
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks, on the real database: every operation forward and backward, with the introspected schema
 * compared after each step to the dialect's own {@link Dialect#normalize normalisation} of the model; that
 * creating a table and reading it back gives {@code normalize(model)}; that the lock excludes a second holder;
 * that a diff of the live schema against itself, or against the model that made it, is empty; and that
 * introspection takes the same number of queries for one table as for many. Scenarios a dialect's
 * {@link Dialect#capabilities() capabilities} rule out are skipped, not failed. Named objects (enums, sequences,
 * views, functions, triggers) are created, altered and dropped where {@link Dialect#managedObjects()} lists their
 * kind, with bodies in PostgreSQL's syntax; where it does not, the dialect must refuse the operation with a message
 * that starts with its name, names the object and says it is not supported. Exclusion constraints and partitions
 * run where the dialect renders them and are skipped where it refuses them that way. Every failure names the
 * dialect, the operation, its SQL and what differs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DialectConformanceTest {
    private Dialect dialect;
    private Path folder;
    private ConformanceDatabase database;
    private ConformanceSession session;

    /** The dialect's name, as {@link Dialect#name()} returns it. */
    protected abstract String dialectName();

    /**
     * An empty database for this test class, in {@code folder} (a fresh temporary folder) for file databases. To skip
     * the class when a server is missing, call {@link Assumptions#abort(String)} here.
     */
    protected abstract ConformanceDatabase createDatabase(Path folder) throws Exception;

    /** How long a second acquire of the lock waits before it must fail. */
    protected Duration lockWait() {
        return Duration.ofMillis(500);
    }

    /**
     * Scenarios this dialect is known to fail, by name (an operation scenario's display name, {@code round trip of
     * TABLE}, {@code empty diff}, {@code query count}, {@code lock}), each with the reason. Such a scenario still runs:
     * while it fails it is reported as skipped with the reason and the failure; once it passes it fails, asking for
     * the entry to be removed, so a fixed dialect cannot keep an outdated excuse.
     */
    protected Map<String, String> knownDeviations() {
        return Map.of();
    }

    protected final Dialect dialect() {
        return dialect;
    }

    @BeforeAll
    public final void openDatabase() throws Exception {
        dialect = Dialects.load(dialectName());
        folder = Files.createTempDirectory("covet-conformance-");
        database = createDatabase(folder);
        assertNotNull(database, "createDatabase returned null");
        session = new ConformanceSession(dialect, database.url(), database.properties());
    }

    @AfterAll
    public final void closeDatabase() throws Exception {
        try {
            if (session != null) {
                session.close();
            }
        } finally {
            try {
                if (database != null) {
                    database.close();
                }
            } finally {
                deleteFolder();
            }
        }
    }

    @BeforeEach
    @AfterEach
    public final void emptyDatabase() {
        if (session != null) {
            session.dropEverything();
        }
    }

    @Test
    public final void theScenariosCoverEveryOperation() {
        Set<String> covered = OperationScenarios.all(dialect).stream().map(s -> s.operation().kind())
                .collect(Collectors.toCollection(TreeSet::new));
        // what a dialect must render: every visitor method without a default (RunJava, say, runs in the engine)
        Set<String> family = Arrays.stream(OperationVisitor.class.getMethods())
                .filter(m -> !m.isDefault() && m.getName().equals("visit") && m.getParameterCount() == 1)
                .map(m -> m.getParameterTypes()[0].getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        family.removeAll(covered);
        assertTrue(family.isEmpty(), "the conformance kit has no scenario for " + family);
    }

    @TestFactory
    public final Stream<DynamicTest> everyOperationForwardAndBackward() {
        return OperationScenarios.all(dialect).stream()
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> guarded(s.name(), () -> run(s))));
    }

    private void run(OperationScenario scenario) {
        new ScenarioRunner(dialect, session).run(scenario);
    }

    private void expectLive(Schema model, Operation op, String phase, List<String> sql) {
        new ScenarioRunner(dialect, session).expectLive(model, op, phase, sql);
    }

    @TestFactory
    public final Stream<DynamicTest> createdTablesReadBackAsNormalized() {
        return ConformanceFixtures.roundTripTables(dialect.capabilities()).stream()
                .map(t -> DynamicTest.dynamicTest("round trip of " + t.name(),
                        () -> guarded("round trip of " + t.name(), () -> roundTrip(t))));
    }

    private void roundTrip(Table table) {
        session.dropEverything();
        Schema model = Schema.EMPTY;
        for (Table t : ConformanceFixtures.roundTripTables(dialect.capabilities())) {
            boolean needed = t.name().equals(table.name()) || table.foreignKeys().stream()
                    .anyMatch(f -> f.referencedTable().equals(t.name()));
            if (needed) {
                Operation create = new CreateTable(t);
                List<String> sql = session.apply(create, "round trip");
                model = create.applyTo(model);
                expectLive(model, create, "round trip", sql);
            }
        }
    }

    @Test
    public final void aDiffOfTheLiveSchemaIsEmpty() throws Throwable {
        guarded("empty diff", this::emptyDiff);
    }

    private void emptyDiff() {
        Schema model = Schema.EMPTY;
        for (Table t : ConformanceFixtures.roundTripTables(dialect.capabilities())) {
            Operation create = new CreateTable(t);
            session.apply(create, "setup");
            model = create.applyTo(model);
        }
        Schema live = session.introspect();
        List<String> againstItself = SchemaMismatch.diff(live, live, dialect::normalize);
        assertEquals(List.of(), againstItself, dialect.name() + ": a diff of the live schema against itself");
        List<String> fromModel = SchemaMismatch.diff(model, live, dialect::normalize);
        assertEquals(List.of(), fromModel, dialect.name() + ": a diff from the model to the schema it created"
                + " (phantom changes: the normaliser does not spell something the way the introspector reads it)");
        assertEquals(dialect.normalize(live), dialect.normalize(dialect.normalize(live)),
                dialect.name() + ": normalize is not idempotent");
    }

    @Test
    public final void introspectionTakesAConstantNumberOfQueries() throws Throwable {
        guarded("query count", this::queryCount);
    }

    private void queryCount() throws SQLException {
        session.apply(new CreateTable(ConformanceFixtures.author()), "setup");
        int one = queriesToIntrospect();
        for (Table t : ConformanceFixtures.roundTripTables(dialect.capabilities())) {
            if (!t.name().equals("author")) {
                session.apply(new CreateTable(t), "setup");
            }
        }
        int many = queriesToIntrospect();
        assertEquals(one, many, dialect.name() + ": the introspector ran " + one + " queries for one table and "
                + many + " for five; it must read the whole schema in a constant number of catalog queries");
    }

    private int queriesToIntrospect() throws SQLException {
        QueryCounter counter = new QueryCounter();
        dialect.introspector().introspect(counter.wrap(session.connection()));
        session.commit();
        return counter.executed();
    }

    @Test
    public final void theLockExcludesASecondHolder() throws Throwable {
        guarded("lock", this::lockScenario);
    }

    private void lockScenario() throws SQLException {
        MigrationLock lock = dialect.lock();
        boolean transactional = dialect.capabilities().transactionalDdl();
        try (Connection first = dialect.connect(database.url(), database.properties());
             Connection second = dialect.connect(database.url(), database.properties())) {
            first.setAutoCommit(!transactional);
            second.setAutoCommit(!transactional);
            try (MigrationLock.Lease held = lock.acquire(first, Duration.ofSeconds(30))) {
                SQLException refused = null;
                try (MigrationLock.Lease unexpected = lock.acquire(second, lockWait())) {
                    fail(dialect.name() + ": a second connection acquired the migration lock while the first held it");
                } catch (SQLException e) {
                    refused = e;
                }
                String message = String.valueOf(refused.getMessage());
                assertTrue(message.startsWith(dialect.name() + ":"), "the lock's message should start with '"
                        + dialect.name() + ":', was: " + message);
                endTransaction(second, transactional);
                endTransaction(first, transactional);
            }
            // released: the second connection gets it now
            try (MigrationLock.Lease now = lock.acquire(second, Duration.ofSeconds(30))) {
                endTransaction(second, transactional);
            }
        }
    }

    private void guarded(String scenario, Executable body) throws Throwable {
        String reason = knownDeviations().get(scenario);
        if (reason == null) {
            body.execute();
            return;
        }
        try {
            body.execute();
        } catch (AssertionError e) {
            Assumptions.abort(dialect.name() + ": known deviation in '" + scenario + "': " + reason
                    + "; it still fails: " + String.valueOf(e.getMessage()).strip().lines().findFirst().orElse(""));
        }
        fail(dialect.name() + ": '" + scenario + "' passes now; remove it from knownDeviations() (" + reason + ")");
    }

    /** As the runner does after a migration: the transaction ends, then the lease closes. */
    private static void endTransaction(Connection c, boolean transactional) throws SQLException {
        if (transactional) {
            c.commit();
        }
    }

    private void deleteFolder() throws IOException {
        if (folder != null && Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
