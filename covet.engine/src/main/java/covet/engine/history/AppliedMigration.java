package covet.engine.history;

import java.time.Instant;

/**
 * One row of {@code covet_migrations}.
 *
 * @param status            APPLIED, or FAILED / RUNNING for a migration on a database without transactional DDL
 *                          that stopped part way ({@code operationsApplied} of {@code operationsTotal} done)
 * @param fileHash          the hash of the migration's file (name and bytes) when it was recorded
 *                          ({@link covet.engine.UnchangedFiles}), null for a row written before the column existed,
 *                          or for a migration that is no file (Java, in code)
 */
public record AppliedMigration(long rowId, String name, String app, Instant appliedAt, String checksum,
                               long executionMs, int operationsApplied, int operationsTotal, String status,
                               String fileHash) {

    public static final String APPLIED = "APPLIED";
    public static final String FAILED = "FAILED";
    public static final String RUNNING = "RUNNING";

    /** A row without a file hash. */
    public AppliedMigration(long rowId, String name, String app, Instant appliedAt, String checksum,
                            long executionMs, int operationsApplied, int operationsTotal, String status) {
        this(rowId, name, app, appliedAt, checksum, executionMs, operationsApplied, operationsTotal, status, null);
    }

    public boolean complete() {
        return APPLIED.equals(status);
    }
}
