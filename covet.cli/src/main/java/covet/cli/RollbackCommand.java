package covet.cli;

import covet.engine.run.MigrationResult;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        header = "Revert the last applied migration, or all after --to ID.",
        description = {"Revert the last applied migration, or with --to ID every one applied after ID.",
                "Asks first; without a terminal, only with --yes. Refuses before changing anything when an",
                "operation cannot be reversed."})
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Option(names = "--to", paramLabel = "ID", description = "Keep ID applied and revert everything after it")
    String to;

    @Option(names = "--fake", description = "Unrecord without executing any SQL")
    boolean fake;

    @Option(names = "--sql", description = "Print the SQL script that reverts, instead of running it")
    boolean sql;

    @Override
    public Integer call() {
        if (fleet.active()) {
            if (sql) {
                throw new UsageException("--sql prints one database's script: run it without --targets");
            }
            if (!Questions.confirm(root.yes(), "Roll back on every target of " + fleet.targets + "?")) {
                throw new CancelledException("rollback cancelled: it needs confirmation (pass --yes)");
            }
            return FleetRun.run(root, fleet, "rollback", FleetTasks.rollback(to, fake));
        }
        var covet = root.covet();
        if (sql) {
            List<String> script = covet.rollbackScript(to);
            if (root.json()) {
                var doc = JsonOut.document("rollback", true);
                doc.put("script", script);
                JsonOut.print(doc);
            } else {
                Output.printScript(script, covet.dialect());
            }
            return ExitCodes.OK;
        }
        covet.graph();
        String what = to == null ? "the last applied migration" : "every migration applied after " + to;
        if (!Questions.confirm(root.yes(), "Roll back " + what + " on " + covet.dialect().name() + "?")) {
            throw new CancelledException("rollback cancelled: it needs confirmation (pass --yes)");
        }
        List<MigrationResult> results = covet.rollback(to, fake, root.json() ? r -> { } : Output::printResult);
        if (root.json()) {
            var doc = JsonOut.document("rollback", true);
            doc.put("results", JsonOut.data(results));
            JsonOut.print(doc);
        } else if (results.isEmpty() && !Output.quiet) {
            System.out.println("No migrations to roll back.");
        }
        return ExitCodes.OK;
    }
}
