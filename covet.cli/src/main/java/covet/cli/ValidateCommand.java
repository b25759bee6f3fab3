package covet.cli;

import covet.engine.HistoryAudit;
import covet.engine.MigrationInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check applied migrations against their files, without migrating.",
        description = {"Exit 1 when an applied migration's file changed (CHANGED), is gone (MISSING) or a",
                "migration failed part way (FAILED); pending migrations and outdated repeatable ones are",
                "reported but valid. Changes nothing."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Override
    public Integer call() {
        List<MigrationInfo> all = HistoryAudit.info(root.covet());
        List<MigrationInfo> invalid = all.stream().filter(MigrationInfo::invalid).toList();
        if (root.json()) {
            var doc = JsonOut.document("validate", invalid.isEmpty());
            doc.put("invalid", JsonOut.data(invalid));
            JsonOut.print(doc);
            return invalid.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
        if (invalid.isEmpty()) {
            long pending = all.stream().filter(i -> !i.state().equals("APPLIED")).count();
            System.out.println("Valid: " + (all.size() - pending) + " applied migration(s) match their files"
                    + (pending > 0 ? "; " + pending + " pending or outdated" : "") + ".");
            return ExitCodes.OK;
        }
        InfoCommand.print(invalid, root);
        System.err.println("error: validation failed: " + invalid.size() + " migration(s) changed, missing or"
                + " failed. Revert the files, or run 'covet repair' once you are sure what the database holds.");
        return ExitCodes.FAILED;
    }
}
