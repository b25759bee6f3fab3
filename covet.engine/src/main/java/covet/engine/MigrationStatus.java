package covet.engine;

import java.time.Instant;

/**
 * One line of {@code showmigrations}.
 *
 * @param state             APPLIED, PENDING, FAILED (stopped part way on a database without transactional DDL),
 *                          RUNNING (recorded as running: in progress elsewhere, or killed), or MISSING (recorded as applied, but no file declares it)
 * @param appliedAt         when it was recorded, or null
 * @param location          its file, or null when MISSING
 * @param operationsApplied how many of its operations are applied
 */
public record MigrationStatus(String id, String app, String state, Instant appliedAt, String location,
                              int operationsApplied, int operationsTotal) {
    public static final String APPLIED = "APPLIED";
    public static final String PENDING = "PENDING";
    public static final String FAILED = "FAILED";
    public static final String MISSING = "MISSING";
    /** Recorded as running: another process is applying it now, or a run stopped without recording the end. */
    public static final String RUNNING = "RUNNING";
}
