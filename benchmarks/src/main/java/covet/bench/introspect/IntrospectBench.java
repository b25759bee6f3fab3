package covet.bench.introspect;

import covet.api.spi.Dialect;
import covet.bench.DbKind;
import covet.bench.Report;
import covet.bench.Row;
import covet.bench.Sample;
import covet.bench.StatementCounter;
import covet.bench.Target;
import covet.engine.plugin.PluginRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * W3: on a database of T tables, the time to read the whole schema on an open connection: Covet's dialect
 * introspector, the batched 4-query catalog read (the baseline), naive per-table DatabaseMetaData, and Liquibase's
 * snapshot (few rounds: it is slow). Rotated order; after the rounds, an untimed pass counts each reader's queries.
 */
public final class IntrospectBench {
    @FunctionalInterface
    interface Reader {
        int read(Connection c) throws Exception;
    }

    record Method(String name, Reader reader) {
    }

    private final String workload;
    private final Path work;
    private final Report report;

    public IntrospectBench(String workload, Path work, Report report) {
        this.workload = workload;
        this.work = work;
        this.report = report;
    }

    /** {@code liquibaseRounds}: measured rounds that include the Liquibase snapshot (0: never). */
    public void run(DbKind kind, int tables, int warmups, int rounds, int liquibaseRounds, boolean naive,
                    boolean count) throws Exception {
        Target target = kind.create("bench_w3_" + tables, work);
        try {
            long t0 = System.nanoTime();
            try (Connection c = target.connect()) {
                W3Schema.create(kind, c, tables);
            }
            log(String.format("%s %s: created %d tables in %.1f s", workload, kind.label(), tables,
                    (System.nanoTime() - t0) / 1e9));
            Dialect dialect = PluginRegistry.of(IntrospectBench.class.getClassLoader()).dialectForUrl(target.url());
            List<Method> methods = new ArrayList<>();
            methods.add(new Method("batched", c -> BatchedCatalogReader.read(kind, c)));
            methods.add(new Method("covet", c -> dialect.introspector().introspect(c).tables().size()));
            if (kind == DbKind.POSTGRESQL) {
                // the yardstick: the server's own whole-schema reader, as a process
                methods.add(new Method("pg_dump", c -> PgDumpProcess.run(target.name(), tables)));
            }
            if (naive) {
                methods.add(new Method("naive", c -> NaiveMetadataReader.read(kind, c)));
            }
            Method liquibase = new Method("liquibase", LiquibaseSnapshot::read);
            for (int round = -warmups; round < rounds; round++) {
                List<Method> order = new ArrayList<>(methods);
                if (round >= 0 ? round < liquibaseRounds : liquibaseRounds > 1 && round == -warmups) {
                    order.add(liquibase);
                }
                int by = round + warmups;
                List<Method> rotated = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    rotated.add(order.get((i + by) % order.size()));
                }
                StringBuilder line = new StringBuilder();
                for (Method m : rotated) {
                    try (Connection c = target.connect()) {
                        int[] seen = new int[1];
                        Sample s;
                        try {
                            s = Sample.time(() -> seen[0] = m.reader().read(c));
                        } catch (Exception e) {
                            if (!m.name().equals("liquibase")) {
                                throw e;
                            }
                            // one incumbent failing must not lose the others' numbers; the log says why
                            line.append("  liquibase FAILED (").append(e.getMessage()).append(')');
                            continue;
                        }
                        if (seen[0] != tables) {
                            throw new IllegalStateException(m.name() + " read " + seen[0] + " tables of " + tables);
                        }
                        if (round >= 0) {
                            report.add(new Row(workload, kind.label(), tables, round, m.name(), "introspect",
                                    s.wallMs(), s.cpuMs()));
                        }
                        line.append(String.format("  %s %.1f ms", m.name(), s.wallMs()));
                    }
                }
                log(workload + " " + kind.label() + " tables=" + tables + " round "
                        + (round < 0 ? "warm-up" : round) + ":" + line);
            }
            if (count) {
                StatementCounter counter = new StatementCounter(kind);
                if (counter.available()) {
                    List<Method> counted = new ArrayList<>(methods);
                    // what opening and closing a connection sends, included in every count above it
                    counted.add(new Method("connect-only", c -> tables));
                    for (Method m : counted) {
                        StatementCounter.Counting counting = counter.start(target.name());
                        try (Connection c = java.sql.DriverManager.getConnection(counter.countedUrl(target.url()))) {
                            m.reader().read(c);
                        }
                        long queries = counting.stop();
                        report.statements(workload, kind.label(), tables, m.name(), "introspect", queries);
                        log(workload + " " + kind.label() + " tables=" + tables + " queries " + m.name() + " "
                                + queries);
                    }
                }
            }
        } finally {
            kind.drop(target);
        }
    }

    private static void log(String message) {
        System.err.println("bench: " + message);
    }
}
