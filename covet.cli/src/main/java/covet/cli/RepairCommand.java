package covet.cli;

import covet.engine.HistoryRepair;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "repair", mixinStandardHelpOptions = true,
        header = "Re-record changed checksums and remove failed history rows, after confirmation.",
        description = {"Re-records the checksum of every applied migration whose file changed, and removes the",
                "history rows of migrations that failed part way: at once when none of their operations took",
                "effect, with --failed-undone when you undid those that did. Asks first; without a terminal,",
                "only with --yes. --dry-run shows what it would do and changes nothing."})
final class RepairCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Option(names = "--dry-run", description = "Show what repair would do; change nothing")
    boolean dryRun;

    @Option(names = "--failed-undone", description = "The operations of failed migrations that took effect were"
            + " undone by hand: remove their rows too")
    boolean failedUndone;

    @Override
    public Integer call() {
        var covet = root.covet();
        List<HistoryRepair.Action> plan = HistoryRepair.plan(covet, failedUndone);
        List<HistoryRepair.Action> changes = plan.stream().filter(a -> !a.kept()).toList();
        if (!root.json()) {
            for (HistoryRepair.Action a : plan) {
                System.out.println((a.kept() ? "keep    " : dryRun ? "would   " : "repair  ") + a.id() + ": "
                        + a.what());
            }
        }
        if (changes.isEmpty() || dryRun) {
            if (root.json()) {
                var doc = JsonOut.document("repair", true);
                doc.put("dryRun", dryRun);
                doc.put("actions", JsonOut.data(plan));
                JsonOut.print(doc);
            } else if (plan.isEmpty()) {
                System.out.println("Nothing to repair.");
            }
            return ExitCodes.OK;
        }
        if (!Questions.confirm(root.yes(), "Make these " + changes.size() + " change(s) to the history on "
                + covet.dialect().name() + "?")) {
            throw new CancelledException("repair cancelled: it needs confirmation (pass --yes, or look first with"
                    + " --dry-run)");
        }
        HistoryRepair.apply(covet, plan);
        if (root.json()) {
            var doc = JsonOut.document("repair", true);
            doc.put("dryRun", false);
            doc.put("actions", JsonOut.data(plan));
            JsonOut.print(doc);
        } else {
            System.out.println("Repaired " + changes.size() + " history row(s).");
        }
        return ExitCodes.OK;
    }
}
