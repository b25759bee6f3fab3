package covet.engine.history;

import java.time.Instant;

/**
 * One row of {@code covet_migrations}.
 *
 * @param status            APPLIED, or FAILED / RUNNING for a migration on a database without transactional DDL
 *                          that stopped part way ({@code operationsApplied} of {@code operationsTotal} done)
 */
public record AppliedMigration(long rowId, String name, String app, Instant appliedAt, String checksum,
                               long executionMs, int operationsApplied, int operationsTotal, String status) {

    public static final String APPLIED = "APPLIED";
    public static final String FAILED = "FAILED";
    public static final String RUNNING = "RUNNING";

    public boolean complete() {
        return APPLIED.equals(status);
    }
}
