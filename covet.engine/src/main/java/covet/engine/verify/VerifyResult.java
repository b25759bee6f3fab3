package covet.engine.verify;

import java.util.List;

/**
 * What verifying one migration found. {@code tables} names the tables whose rollback did not restore them (for
 * {@link Outcome#NOT_RESTORED}); {@code details} says how each differs, one line per difference.
 */
public record VerifyResult(String migrationId, Outcome outcome, String message, List<String> tables,
                           List<String> details) {

    public enum Outcome {
        /** Applied, rolled back, and the schema is exactly as before. */
        RESTORED,
        /** The rollback ran but left a different schema. */
        NOT_RESTORED,
        /** An operation has no reverse, so the migration cannot be rolled back at all. */
        IRREVERSIBLE,
        /** Applying or rolling back failed on the scratch database. */
        FAILED
    }

    public VerifyResult {
        tables = tables == null ? List.of() : List.copyOf(tables);
        details = details == null ? List.of() : List.copyOf(details);
    }

    public boolean ok() {
        return outcome == Outcome.RESTORED;
    }

    /** One line for a terminal, e.g. {@code FAIL 20260101_000002_x: rollback does not restore tables users}. */
    public String line() {
        return (ok() ? "ok   " : "FAIL ") + migrationId + ": " + message;
    }
}
