package covet.bench;

import covet.bench.introspect.IntrospectBench;
import covet.bench.tools.MigrationTool;
import covet.bench.tools.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of scripts/bench: {@code w1 | w3 | scale | w2-prepare <dir> <n>}. Sizes come from the environment
 * (QUICK=1 for the smoke sizes; N, ROUNDS, WARMUP, DBS, TOOLS, W3_TABLES, LIQUIBASE_ROUNDS override), results go
 * to OUT (default benchmarks/results), scratch files to WORK.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = "1".equals(System.getenv("QUICK"));
        Path out = Path.of(env("OUT", "benchmarks/results"));
        Path work = Path.of(env("WORK", System.getProperty("java.io.tmpdir") + "/covet-bench"));
        Files.createDirectories(work);
        List<DbKind> dbs = Arrays.stream(env("DBS", "postgresql,mariadb,sqlite").split(",")).map(DbKind::parse)
                .toList();
        List<MigrationTool> tools = Tools.named(List.of(env("TOOLS", "raw,covet,flyway,liquibase").split(",")));
        int rounds = Integer.parseInt(env("ROUNDS", quick ? "3" : "11"));
        int warmup = Integer.parseInt(env("WARMUP", quick ? "1" : "2"));
        switch (args[0]) {
            case "w1" -> {
                int n = Integer.parseInt(env("N", quick ? "50" : "500"));
                Report report = new Report();
                ApplyBench bench = new ApplyBench("w1", work, report);
                for (DbKind kind : dbs) {
                    bench.run(kind, tools, n, warmup, rounds, true);
                }
                report.write(out, "w1", "raw", "W1 apply many and no-op (one warm JVM, in-process)", "migration");
            }
            case "w3" -> {
                int tables = Integer.parseInt(env("W3_TABLES", quick ? "50" : "1000"));
                int lbRounds = Integer.parseInt(env("LIQUIBASE_ROUNDS", quick ? "1" : "3"));
                Report report = new Report();
                IntrospectBench bench = new IntrospectBench("w3", work, report);
                for (DbKind kind : dbs) {
                    if (kind != DbKind.SQLITE) {
                        bench.run(kind, tables, warmup, rounds, lbRounds, true, true);
                    }
                }
                report.write(out, "w3", "batched", "W3 introspection (open connection, whole schema)", "table");
            }
            case "scale" -> {
                List<Integer> sizes = ints(env("SCALE_N", quick ? "10,30" : "100,500,2000"));
                List<Integer> tableSizes = ints(env("SCALE_TABLES", quick ? "20,50" : "100,1000,5000"));
                int scaleRounds = Integer.parseInt(env("SCALE_ROUNDS", quick ? "2" : "5"));
                // the incumbents' scaling is in BENCHMARKS.md already; by default the full run times raw and Covet
                List<MigrationTool> scaleTools = Tools.named(List.of(env("SCALE_TOOLS",
                        quick ? "raw,covet,flyway,liquibase" : "raw,covet").split(",")));
                Report w1 = new Report();
                ApplyBench apply = new ApplyBench("scale-w1", work, w1);
                for (int n : sizes) {
                    apply.run(DbKind.SQLITE, scaleTools, n, 1, scaleRounds, false);
                }
                w1.write(out, "scale-w1", "raw", "Scaling W1, SQLite (1 warm-up + " + scaleRounds + " rounds)",
                        "migration");
                Report w3 = new Report();
                IntrospectBench introspect = new IntrospectBench("scale-w3", work, w3);
                for (DbKind kind : List.of(DbKind.parse(env("SCALE_W3_DB", "postgresql")))) {
                    for (int t : tableSizes) {
                        introspect.run(kind, t, 1, scaleRounds, 0, false, true);
                    }
                }
                w3.write(out, "scale-w3", "batched", "Scaling W3 (1 warm-up + " + scaleRounds + " rounds)", "table");
            }
            case "w2-prepare" -> prepareW2(Path.of(args[1]), Integer.parseInt(args[2]));
            case "w2-check" -> checkW2(Path.of(args[1]), Integer.parseInt(args[2]));
            case "report" -> {
                // rebuild <stem>.md from its CSVs, optionally with counts of a separate counting run merged in
                String stem = args[1];
                Report report = Report.read(out, stem);
                for (int i = 2; i < args.length; i++) {
                    report.mergeStatements(Path.of(args[i]));
                }
                boolean w3 = stem.endsWith("w3");
                String title = switch (stem) {
                    case "w1" -> "W1 apply many and no-op (one warm JVM, in-process)";
                    case "w3" -> "W3 introspection (open connection, whole schema)";
                    default -> "Scaling " + (w3 ? "W3" : "W1");
                };
                report.write(out, stem, w3 ? "batched" : "raw", title, w3 ? "table" : "migration");
            }
            default -> throw new IllegalArgumentException("unknown workload " + args[0]);
        }
    }

    /** A SQLite file per tool with all N migrations applied, for the W2 no-op processes. */
    private static void prepareW2(Path dir, int n) throws Exception {
        Fixtures fixtures = Fixtures.write(dir.resolve("fixtures"), n);
        for (MigrationTool tool : Tools.all()) {
            Path file = dir.resolve(tool.name() + ".db");
            Files.deleteIfExists(file);
            Target target = new Target(DbKind.SQLITE, tool.name(), "jdbc:sqlite:" + file, file);
            tool.migrate(target, fixtures);
            ApplyBench.check(target, tool, n);
        }
    }

    /** Untimed, after each W2 round: every tool's file still holds the N tables and N history rows. */
    private static void checkW2(Path dir, int n) throws Exception {
        for (MigrationTool tool : Tools.all()) {
            Path file = dir.resolve(tool.name() + ".db");
            ApplyBench.check(new Target(DbKind.SQLITE, tool.name(), "jdbc:sqlite:" + file, file), tool, n);
        }
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
