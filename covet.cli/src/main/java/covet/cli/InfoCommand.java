package covet.cli;

import covet.engine.HistoryAudit;
import covet.engine.MigrationInfo;
import covet.engine.MigrationStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "info", mixinStandardHelpOptions = true,
        header = "List every migration with its state and checksum state, as Flyway's info does.",
        description = {"States: PENDING, APPLIED, FAILED (stopped part way), MISSING (applied, no file declares it),",
                "CHANGED (applied, its file changed since), OUTDATED (a repeatable file changed since its last",
                "run: migrate runs it again). Changes nothing; exit 0."})
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Override
    public Integer call() {
        List<MigrationInfo> all = HistoryAudit.info(root.covet());
        if (root.json()) {
            var doc = JsonOut.document("info", true);
            doc.put("migrations", JsonOut.data(all));
            JsonOut.print(doc);
            return ExitCodes.OK;
        }
        print(all, root);
        return ExitCodes.OK;
    }

    static void print(List<MigrationInfo> all, CovetCommand root) {
        if (all.isEmpty()) {
            System.out.println("No migrations in " + root.config().migrationsDir());
        }
        for (MigrationInfo i : all) {
            StringBuilder line = new StringBuilder(String.format("%-8s %s", i.state(), i.id()));
            if (i.appliedAt() != null) {
                line.append("  applied ").append(i.appliedAt());
            }
            switch (i.state()) {
                case MigrationStatus.FAILED, MigrationStatus.RUNNING -> line.append("  (").append(i.operationsApplied()).append(" of ")
                        .append(i.operationsTotal()).append(" operations applied)");
                case MigrationStatus.MISSING -> line.append("  (no file declares it)");
                case MigrationInfo.CHANGED -> line.append("  (").append(i.location())
                        .append(" changed after it was applied)");
                case MigrationInfo.OUTDATED -> line.append("  (changed since its last run; migrate runs it again)");
                default -> { }
            }
            System.out.println(line);
        }
    }
}
