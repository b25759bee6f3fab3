package covet.engine.run;

import java.util.List;

/**
 * What happened to one migration in a run.
 *
 * @param direction  APPLY or REVERT
 * @param fake       recorded (or unrecorded) without executing
 * @param statements the SQL executed, in order
 */
public record MigrationResult(String id, String app, String direction, boolean fake, List<String> statements,
                              long millis) {

    public static final String APPLY = "APPLY";
    public static final String REVERT = "REVERT";

    public MigrationResult {
        statements = List.copyOf(statements);
    }
}
