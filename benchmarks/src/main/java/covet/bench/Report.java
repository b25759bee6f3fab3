package covet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raw CSV and the Markdown tables. A ratio is computed per round (the tool's time over the baseline's time in the
 * same round, so a noisy round moves both), then summarised by median, min and max.
 */
public final class Report {
    /** Statements the server received: key {@code workload|db|n|tool|phase}. */
    private final Map<String, Long> statements = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private static final List<String> ORDER = List.of("raw", "batched", "covet", "flyway", "liquibase", "naive");

    public void add(Row row) {
        rows.add(row);
    }

    public void statements(String workload, String db, int n, String tool, String phase, long count) {
        statements.put(key(workload, db, n, tool, phase), count);
    }

    /** Reads back what {@link #write} wrote, so tables can be rebuilt (and counts merged from another run). */
    public static Report read(Path dir, String stem) throws IOException {
        Report r = new Report();
        List<String> lines = Files.readAllLines(dir.resolve(stem + ".csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            r.add(new Row(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4], f[5],
                    Double.parseDouble(f[6]), Double.parseDouble(f[7])));
        }
        r.mergeStatements(dir.resolve(stem + "-statements.csv"));
        return r;
    }

    /** Adds (or replaces) the counts of a {@code *-statements.csv}. */
    public void mergeStatements(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return;
        }
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            statements(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], Long.parseLong(f[5]));
        }
    }

    public void write(Path dir, String stem, String baseline, String title, String unit) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder(Row.CSV_HEADER).append('\n');
        rows.forEach(r -> csv.append(r.csv()).append('\n'));
        Files.writeString(dir.resolve(stem + ".csv"), csv);
        StringBuilder counts = new StringBuilder("workload,db,n,tool,phase,statements\n");
        statements.forEach((k, v) -> counts.append(k.replace('|', ',')).append(',').append(v).append('\n'));
        Files.writeString(dir.resolve(stem + "-statements.csv"), counts);
        Files.writeString(dir.resolve(stem + ".md"), markdown(baseline, title, unit));
    }

    String markdown(String baseline, String title, String unit) {
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            groups.computeIfAbsent(r.workload() + "|" + r.db() + "|" + r.n() + "|" + r.phase(), k -> new ArrayList<>())
                    .add(r);
        }
        for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
            String[] k = g.getKey().split("\\|");
            int n = Integer.parseInt(k[2]);
            md.append("### ").append(k[0]).append(' ').append(k[3]).append(", ").append(k[1]).append(", ")
                    .append(unit).append(" = ").append(n).append("\n\n");
            md.append("| tool | rounds | median ms | min ms | max ms | ms / ").append(unit)
                    .append(" | CPU median ms | x ").append(baseline).append(" (median of per-round ratios) | ratio min-max"
                            + " | statements (per ").append(unit).append(") |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            Map<String, Map<Integer, Row>> byTool = new LinkedHashMap<>();
            for (Row r : g.getValue()) {
                byTool.computeIfAbsent(r.tool(), t -> new TreeMap<>()).put(r.round(), r);
            }
            Map<String, Map<Integer, Row>> sorted = new LinkedHashMap<>();
            for (String t : ORDER) {
                if (byTool.containsKey(t)) {
                    sorted.put(t, byTool.remove(t));
                }
            }
            sorted.putAll(byTool);
            byTool = sorted;
            Map<Integer, Row> base = byTool.get(baseline);
            for (Map.Entry<String, Map<Integer, Row>> t : byTool.entrySet()) {
                double[] wall = t.getValue().values().stream().mapToDouble(Row::wallMs).toArray();
                double[] cpu = t.getValue().values().stream().mapToDouble(Row::cpuMs).toArray();
                List<Double> ratios = new ArrayList<>();
                if (base != null) {
                    t.getValue().forEach((round, r) -> {
                        Row b = base.get(round);
                        if (b != null && b.wallMs() > 0) {
                            ratios.add(r.wallMs() / b.wallMs());
                        }
                    });
                }
                double[] ratio = ratios.stream().mapToDouble(Double::doubleValue).toArray();
                Long st = statements.get(key(k[0], k[1], n, t.getKey(), k[3]));
                md.append("| ").append(t.getKey()).append(" | ").append(wall.length).append(" | ")
                        .append(f1(median(wall))).append(" | ").append(f1(min(wall))).append(" | ")
                        .append(f1(max(wall))).append(" | ").append(f2(median(wall) / n)).append(" | ")
                        .append(f1(median(cpu))).append(" | ")
                        .append(ratio.length == 0 ? "-" : f2(median(ratio)) + " x").append(" | ")
                        .append(ratio.length == 0 ? "-" : f2(min(ratio)) + "-" + f2(max(ratio))).append(" | ")
                        .append(st == null ? "-" : st + " (" + f1((double) st / n) + ")").append(" |\n");
            }
            for (Map.Entry<String, Long> e : statements.entrySet()) {
                if (e.getKey().startsWith(k[0] + "|" + k[1] + "|" + n + "|connect-only|")) {
                    md.append("\nOpening and closing one connection alone sends ").append(e.getValue()).append(" statement(s)")
                            .append("; every count above includes it once per connection.\n");
                }
            }
            md.append('\n');
        }
        return md.toString();
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    static String f1(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String f2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String key(String workload, String db, int n, String tool, String phase) {
        return workload + "|" + db + "|" + n + "|" + tool + "|" + phase;
    }
}
