package covet.cli;

import covet.engine.Covet;
import covet.engine.lint.MigrationSelection;
import covet.engine.verify.ProjectVerify;
import covet.engine.verify.VerifyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Prove in a scratch database that each rollback restores the schema.",
        description = {"Prove that rolling back restores the schema: each migration is applied to a scratch",
                "database built from the migrations before it, rolled back, and the schemas compared.",
                "Without ID: the pending migrations (all when the database cannot be read). Exit 1 if any fails."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Migrations to verify")
    List<String> ids = new ArrayList<>();

    @Option(names = "--dev-url", paramLabel = "JDBC_URL",
            description = "Server for the scratch database (default: dev-url setting, else the configured server)")
    String devUrl;

    @Override
    public Integer call() {
        if (fleet.active()) {
            return FleetRun.run(root, fleet, "verify", FleetTasks.verify(ids, devUrl));
        }
        Covet covet = root.covet();
        MigrationSelection selection = MigrationSelection.of(covet, ids);
        List<VerifyResult> results = ProjectVerify.verify(covet, selection, devUrl);
        long failed = results.stream().filter(r -> !r.ok()).count();
        if (root.json()) {
            var doc = JsonOut.document("verify", failed == 0);
            doc.put("scope", selection.scope());
            doc.put("results", JsonOut.data(results));
            JsonOut.print(doc);
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
        for (VerifyResult r : results) {
            System.out.println(r.ok() || r.details().isEmpty() ? r.line()
                    : "FAIL " + r.migrationId() + ": rollback does not restore the schema of "
                    + String.join(", ", r.tables()));
            for (String d : r.details()) {
                System.out.println("       " + d);
            }
        }
        if (results.isEmpty()) {
            System.out.println("No migrations to verify.");
        }
        System.err.println("verify: " + results.size() + " " + (results.size() == 1 ? "migration" : "migrations")
                + " (" + selection.scope() + "), " + failed + " failed");
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
