package covet.cli;

import covet.engine.run.MigrationResult;

/** How results look on standard output. */
final class Output {
    private Output() {
    }

    static void printResult(MigrationResult r) {
        String verb = r.direction().equals(MigrationResult.APPLY) ? "Applied" : "Reverted";
        System.out.println(verb + " " + r.id() + (r.fake() ? " (fake: no SQL executed)" : "") + " in " + r.millis()
                + " ms");
    }
}
