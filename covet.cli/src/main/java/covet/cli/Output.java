package covet.cli;

import covet.engine.run.MigrationResult;

/** How results look on standard output. */
final class Output {
    /** {@code -q}: no per-migration lines (set for each run of the CLI by {@link CovetCommand#applyLogging}). */
    static volatile boolean quiet;

    private Output() {
    }

    /** Statements one per line, each ending in a semicolon, as the database's own client reads them. */
    /** Each statement as the dialect's own client takes it (MySQL: compound bodies inside DELIMITER). */
    static void printScript(java.util.List<String> statements, covet.api.spi.Dialect dialect) {
        for (String sql : statements) {
            System.out.println(dialect.scriptStatement(sql));
        }
    }

    static void printResult(MigrationResult r) {
        if (quiet) {
            return;
        }
        String verb = r.direction().equals(MigrationResult.APPLY) ? "Applied" : "Reverted";
        System.out.println(verb + " " + r.id() + (r.fake() ? " (fake: no SQL executed)" : "") + " in " + r.millis()
                + " ms");
    }
}
