package covet.bench.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns hyperfine's JSON exports (one per round, commands in rotated order) into w2.csv and w2.md. The ratio of a
 * command is computed per round (its median over the raw process's median in that round), then summarised.
 */
public final class W2Report {
    private W2Report() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("round-\\d+\\.json")).sorted().toList();
        }
        Map<String, List<Double>> all = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("workload,round,command,run,wall_ms,user_ms,system_ms\n");
        for (int round = 0; round < files.size(); round++) {
            JsonNode results = mapper.readTree(files.get(round).toFile()).get("results");
            Map<String, Double> medians = new LinkedHashMap<>();
            for (JsonNode r : results) {
                String name = r.get("command").asText();
                JsonNode times = r.get("times");
                double[] ms = new double[times.size()];
                for (int i = 0; i < ms.length; i++) {
                    ms[i] = times.get(i).asDouble() * 1000;
                    all.computeIfAbsent(name, k -> new ArrayList<>()).add(ms[i]);
                    csv.append(String.format(Locale.ROOT, "w2,%d,%s,%d,%.3f,%.3f,%.3f%n", round, name, i, ms[i],
                            r.path("user").asDouble() * 1000, r.path("system").asDouble() * 1000));
                }
                medians.put(name, median(ms));
                cpu.computeIfAbsent(name, k -> new ArrayList<>())
                        .add((r.path("user").asDouble() + r.path("system").asDouble()) * 1000);
            }
            Double raw = medians.get("raw");
            if (raw != null) {
                medians.forEach((k, v) -> ratios.computeIfAbsent(k, x -> new ArrayList<>()).add(v / raw));
            }
        }
        Files.writeString(out.resolve("w2.csv"), csv);
        StringBuilder md = new StringBuilder("## W2 process start-up, no-op migrate, SQLite\n\n")
                .append("| process | runs | median ms | min ms | max ms | x raw process (median of per-round ratios)"
                        + " | ratio min-max | median minus raw ms | CPU user+sys ms (mean of round means) |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double rawMedian = all.containsKey("raw") ? median(toArray(all.get("raw"))) : Double.NaN;
        for (Map.Entry<String, List<Double>> e : all.entrySet()) {
            double[] v = toArray(e.getValue());
            double[] r = toArray(ratios.getOrDefault(e.getKey(), List.of()));
            double cpuMean = cpu.getOrDefault(e.getKey(), List.of()).stream().mapToDouble(Double::doubleValue)
                    .average().orElse(Double.NaN);
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s | %+.1f | %.0f |%n", e.getKey(),
                    v.length, median(v), Arrays.stream(v).min().orElse(0), Arrays.stream(v).max().orElse(0),
                    r.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f x", median(r)),
                    r.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f-%.2f", Arrays.stream(r).min().orElse(0),
                            Arrays.stream(r).max().orElse(0)), median(v) - rawMedian, cpuMean));
        }
        Files.writeString(out.resolve("w2.md"), md.append('\n'));
    }

    private static double[] toArray(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2]
                : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
