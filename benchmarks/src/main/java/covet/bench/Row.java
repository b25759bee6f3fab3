package covet.bench;

/**
 * One measurement: {@code workload} (w1, w3, scale-w1, scale-w3), database, size (migrations or tables), round,
 * tool, phase (migrate, noop, introspect), wall and CPU milliseconds.
 */
public record Row(String workload, String db, int n, int round, String tool, String phase, double wallMs,
                  double cpuMs) {
    public static final String CSV_HEADER = "workload,db,n,round,tool,phase,wall_ms,cpu_ms";

    public String csv() {
        return String.join(",", workload, db, Integer.toString(n), Integer.toString(round), tool, phase,
                String.format(java.util.Locale.ROOT, "%.3f", wallMs), String.format(java.util.Locale.ROOT, "%.3f", cpuMs));
    }
}
