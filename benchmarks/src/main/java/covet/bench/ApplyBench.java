package covet.bench;

import covet.bench.tools.MigrationTool;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * W1: every tool migrates N migrations into a fresh database, then (after an untimed check and settle) migrates
 * again with all applied (no-op). Tools interleaved, order rotated each round, one warm JVM. After the timed rounds,
 * an untimed counting round per tool on PostgreSQL and MariaDB.
 */
public final class ApplyBench {
    private final String workload;
    private final Path work;
    private final Report report;

    public ApplyBench(String workload, Path work, Report report) {
        this.workload = workload;
        this.work = work;
        this.report = report;
    }

    public void run(DbKind kind, List<MigrationTool> tools, int n, int warmups, int rounds, boolean count)
            throws Exception {
        Fixtures fixtures = Fixtures.write(work.resolve("fixtures-" + n), n);
        for (int round = -warmups; round < rounds; round++) {
            List<MigrationTool> order = rotated(tools, round + warmups);
            for (MigrationTool tool : order) {
                Target target = kind.create("bench_" + tool.name() + "_" + (round < 0 ? "w" + -round : round), work);
                try {
                    Sample migrate = Sample.time(() -> tool.migrate(target, fixtures));
                    check(target, tool, n);
                    Thread.sleep(50);
                    Sample noop = Sample.time(() -> tool.migrate(target, fixtures));
                    check(target, tool, n);
                    if (round >= 0) {
                        report.add(new Row(workload, kind.label(), n, round, tool.name(), "migrate", migrate.wallMs(),
                                migrate.cpuMs()));
                        report.add(new Row(workload, kind.label(), n, round, tool.name(), "noop", noop.wallMs(),
                                noop.cpuMs()));
                    }
                    Log.info(String.format("%s %s n=%d round %s %-9s migrate %8.1f ms  noop %7.1f ms", workload,
                            kind.label(), n, round < 0 ? "warm-up" : Integer.toString(round), tool.name(),
                            migrate.wallMs(), noop.wallMs()));
                } finally {
                    kind.drop(target);
                }
            }
        }
        if (count) {
            countStatements(kind, tools, n, fixtures);
        }
    }

    private void countStatements(DbKind kind, List<MigrationTool> tools, int n, Fixtures fixtures) throws Exception {
        StatementCounter counter = new StatementCounter(kind);
        if (kind == DbKind.SQLITE || !counter.available()) {
            Log.info("statement counting not available for " + kind.label());
            return;
        }
        for (MigrationTool tool : tools) {
            Target created = kind.create("bench_count_" + tool.name(), work);
            Target target = new Target(kind, created.name(), counter.countedUrl(created.url()), null);
            try {
                StatementCounter.Counting c = counter.start(target.name());
                tool.migrate(target, fixtures);
                long migrate = c.stop();
                c = counter.start(target.name());
                tool.migrate(target, fixtures);
                long noop = c.stop();
                check(target, tool, n);
                report.statements(workload, kind.label(), n, tool.name(), "migrate", migrate);
                report.statements(workload, kind.label(), n, tool.name(), "noop", noop);
                Log.info(String.format("%s %s n=%d statements %-9s migrate %d noop %d", workload, kind.label(), n,
                        tool.name(), migrate, noop));
            } finally {
                kind.drop(target);
            }
        }
        // what opening and closing one connection sends: part of every count above
        Target created = kind.create("bench_count_connect", work);
        Target target = new Target(kind, created.name(), counter.countedUrl(created.url()), null);
        try {
            StatementCounter.Counting c = counter.start(target.name());
            try (Connection ignored = target.connect()) {
                Log.info("counting a bare connection on " + kind.label());
            }
            report.statements(workload, kind.label(), n, "connect-only", "noop", c.stop());
        } finally {
            kind.drop(target);
        }
    }

    /** Untimed: the N tables exist and the tool's history records N applied migrations. */
    static void check(Target target, MigrationTool tool, int n) throws Exception {
        try (Connection c = target.connect()) {
            long tables = target.kind().tables(c).stream().filter(t -> t.matches("t\\d{4,}")).count();
            int history = tool.historyRows(c);
            if (tables != n || history != n) {
                throw new IllegalStateException(tool.name() + " on " + target.kind().label() + ": expected " + n
                        + " tables and history rows, found " + tables + " tables and " + history + " rows");
            }
        }
    }

    static <T> List<T> rotated(List<T> items, int by) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(items.get((i + by) % items.size()));
        }
        return out;
    }
}
