package covet.cli;

import covet.engine.lint.MigrationSelection;
import covet.engine.lint.ProjectLint;
import covet.engine.Covet;
import covet.engine.MigrationStatus;
import covet.engine.merge.BranchConflicts;
import covet.engine.run.MigrationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply pending migrations in dependency order.",
                "With TARGET: apply up to and including it, or, when it is applied, revert what came after it."})
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Parameters(arity = "0..1", paramLabel = "TARGET", description = "Migration id to migrate to")
    String target;

    @Option(names = "--fake", description = "Record (or unrecord) migrations without executing their SQL")
    boolean fake;

    @Option(names = "--sql", description = {"Print the SQL script (lock, history table and rows included) instead of",
            "running it; reads the history when the database is reachable"})
    boolean sql;

    @Option(names = "--allow", paramLabel = "RULE",
            description = "Apply despite findings of this lint rule or group (repeatable); see covet lint")
    List<String> allow = new ArrayList<>();

    @Option(names = "--group", description = {"All pending migrations in one transaction: one commit, all or nothing",
            "(PostgreSQL, SQLite; config: group: true)"})
    boolean group;

    @Option(names = "--strict", description = "Lint warnings block too (for CI)")
    boolean strict;

    @Override
    public Integer call() {
        if (fleet.active()) {
            if (sql || (target != null && !root.yes())) {
                throw new UsageException(sql ? "--sql prints one database's script: run it without --targets"
                        : "migrate TARGET over a fleet may revert migrations on some targets: pass --yes");
            }
            return FleetRun.run(root, fleet, "migrate",
                    FleetTasks.migrate(target, fake, group, LintCommand.policy(allow, strict)));
        }
        if (sql && group) {
            throw new UsageException("--sql prints the script of an ungrouped run (a transaction per migration): "
                    + "drop --group or --sql");
        }
        var covet = root.covet();
        if (sql) {
            List<String> script = covet.migrateScript(target);
            if (root.json()) {
                var doc = JsonOut.document("migrate", true);
                doc.put("script", script);
                JsonOut.print(doc);
            } else {
                Output.printScript(script, covet.dialect());
            }
            return ExitCodes.OK;
        }
        boolean grouped = group || covet.grouped();
        // a no-op told from the files' bytes and one history read: nothing parsed, so no branch or lint check either
        List<MigrationResult> results = target == null && !fake && covet.nothingToApply(grouped) ? List.of()
                : checkedMigrate(covet, grouped);
        if (root.json()) {
            var doc = JsonOut.document("migrate", true);
            doc.put("results", JsonOut.data(results));
            doc.put("warnings", root.warnings);
            JsonOut.print(doc);
        } else if (results.isEmpty() && !Output.quiet) {
            System.out.println("No migrations to apply.");
        }
        return ExitCodes.OK;
    }

    /** The parsing path: confirmation of a revert, branch conflicts, lint, then the run. */
    private List<MigrationResult> checkedMigrate(Covet covet, boolean grouped) {
        if (target != null && covet.graph().find(target).isPresent() && isBackwards(covet, target)
                && !Questions.confirm(root.yes(), "Revert the migrations applied after " + target + "?")) {
            throw new CancelledException("migrate cancelled: reverting needs confirmation (pass --yes)");
        }
        // two branches' leaves are the first thing to fix: say so before lint findings could hide it
        BranchConflicts.check(covet.graph(), covet.config().app());
        if (!fake) {
            LintCommand.enforce("migrate", ProjectLint.lint(covet, MigrationSelection.pending(covet, target)),
                    LintCommand.policy(allow, strict), root.json());
        }
        return covet.migrate(target, fake, grouped, root.json() ? r -> { } : Output::printResult);
    }

    private static boolean isBackwards(Covet covet, String target) {
        return covet.status().stream().anyMatch(s -> s.id().equals(target)
                && s.state().equals(MigrationStatus.APPLIED));
    }
}
