package covet.cli;

import covet.engine.run.MigrationResult;

/** How results look on standard output. */
final class Output {
    private Output() {
    }

    /** Statements one per line, each ending in a semicolon, as the database's own client reads them. */
    static void printScript(java.util.List<String> statements) {
        for (String sql : statements) {
            String s = sql.strip();
            System.out.println(s.endsWith(";") ? s : s + ";");
        }
    }

    static void printResult(MigrationResult r) {
        String verb = r.direction().equals(MigrationResult.APPLY) ? "Applied" : "Reverted";
        System.out.println(verb + " " + r.id() + (r.fake() ? " (fake: no SQL executed)" : "") + " in " + r.millis()
                + " ms");
    }
}
