package covet.cli;

import covet.engine.HistoryAudit;
import covet.engine.MigrationInfo;
import covet.engine.MigrationStatus;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "showmigrations", mixinStandardHelpOptions = true,
        description = "List every migration with its state (APPLIED, PENDING, FAILED, RUNNING, MISSING, CHANGED,"
                + " OUTDATED) and when applied.")
final class ShowMigrationsCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Mixin
    FleetOptions fleet = new FleetOptions();

    @Override
    public Integer call() {
        if (fleet.active()) {
            return FleetRun.run(root, fleet, "showmigrations", FleetTasks.showMigrations());
        }
        // CHANGED/OUTDATED as info computes them: an edited applied file must never look APPLIED
        List<MigrationInfo> all = HistoryAudit.info(root.covet());
        if (root.json()) {
            var doc = JsonOut.document("showmigrations", true);
            doc.put("migrations", JsonOut.data(all));
            JsonOut.print(doc);
            return ExitCodes.OK;
        }
        if (all.isEmpty()) {
            System.out.println("No migrations in " + root.config().migrationsDir());
        }
        for (MigrationInfo s : all) {
            StringBuilder line = new StringBuilder(String.format("%-8s %s", s.state(), s.id()));
            if (s.appliedAt() != null) {
                line.append("  applied ").append(s.appliedAt());
            }
            if (s.state().equals(MigrationStatus.RUNNING)) {
                line.append("  (").append(s.operationsApplied()).append(" of ").append(s.operationsTotal())
                        .append(" operations applied; recorded as running: in progress elsewhere, or stopped)");
            }
            if (s.state().equals(MigrationInfo.CHANGED)) {
                line.append("  (").append(s.location()).append(" changed after it was applied: checksum ")
                        .append(s.checksum()).append(", recorded ").append(s.recordedChecksum()).append(")");
            }
            if (s.state().equals(MigrationInfo.OUTDATED)) {
                line.append("  (changed since its last run; migrate runs it again)");
            }
            if (s.state().equals(MigrationStatus.FAILED)) {
                line.append("  (").append(s.operationsApplied()).append(" of ").append(s.operationsTotal())
                        .append(" operations applied; failed at operation ").append(s.operationsApplied() + 1)
                        .append(")");
            }
            if (s.state().equals(MigrationStatus.MISSING)) {
                line.append("  (no file declares it)");
            }
            System.out.println(line);
        }
        return ExitCodes.OK;
    }
}
