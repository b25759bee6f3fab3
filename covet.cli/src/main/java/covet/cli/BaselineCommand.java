package covet.cli;

import covet.engine.Baseline;
import covet.engine.run.MigrationResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        header = "Record the migrations up to --version V as applied, without running them.",
        description = {"For a database that already holds what those migrations create. V is a Flyway version",
                "(1.1 for V1.1__x.sql), a pair's number, or a migration id; without it, every versioned",
                "migration on disk. Repeatable migrations are left for migrate. Refused when the history",
                "already holds migrations of the app."})
final class BaselineCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Option(names = "--version", paramLabel = "V", description = "Last migration to record as applied")
    String version;

    @Override
    public Integer call() {
        List<MigrationResult> results = Baseline.run(root.covet(), version, r -> { });
        if (root.json()) {
            var doc = JsonOut.document("baseline", true);
            doc.put("results", JsonOut.data(results));
            JsonOut.print(doc);
            return ExitCodes.OK;
        }
        results.forEach(r -> System.out.println("Baselined " + r.id()));
        System.out.println(results.size() + " migration(s) recorded as applied; nothing was run.");
        return ExitCodes.OK;
    }
}
