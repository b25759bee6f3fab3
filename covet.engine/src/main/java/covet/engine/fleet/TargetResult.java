package covet.engine.fleet;

import java.util.List;

/**
 * What happened on one target of a fleet run.
 *
 * @param target   the target's name
 * @param status   {@link #APPLIED}, {@link #REVERTED}, {@link #CURRENT}, {@link #OK}, {@link #FAILED} or
 *                 {@link #SKIPPED} (not started: an earlier target failed and the run does not continue on error)
 * @param count    migrations applied or reverted (migrate, rollback), pending ones (showmigrations), findings (lint),
 *                 failed verifications (verify)
 * @param details  one line per migration or finding
 * @param error    the failure's message (names migration, operation and SQL where the engine does), or null
 * @param millis   wall time on this target
 */
public record TargetResult(String target, String status, int count, List<String> details, String error,
                           long millis) {
    public static final String APPLIED = "applied";
    public static final String REVERTED = "reverted";
    public static final String CURRENT = "current";
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public TargetResult {
        details = List.copyOf(details);
    }

    public boolean failed() {
        return FAILED.equals(status);
    }
}
