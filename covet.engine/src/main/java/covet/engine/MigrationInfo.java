package covet.engine;

import java.time.Instant;

/**
 * One line of {@code covet info}: a migration's state with its checksum state.
 *
 * @param state            PENDING, APPLIED, FAILED, MISSING (applied, no file declares it), CHANGED (applied, its
 *                         file changed since), or OUTDATED (a repeatable migration changed since its last run: the
 *                         next migrate runs it again)
 * @param recordedChecksum the checksum in the history, or null when not applied
 * @param checksum         the checksum of its file now, or null when MISSING
 */
public record MigrationInfo(String id, String app, String state, Instant appliedAt, String location,
                            String recordedChecksum, String checksum, int operationsApplied, int operationsTotal) {
    public static final String CHANGED = "CHANGED";
    public static final String OUTDATED = "OUTDATED";

    /** What {@code covet validate} fails on. */
    public boolean invalid() {
        return state.equals(CHANGED) || state.equals(MigrationStatus.MISSING) || state.equals(MigrationStatus.FAILED)
                || state.equals(MigrationStatus.RUNNING);
    }
}
