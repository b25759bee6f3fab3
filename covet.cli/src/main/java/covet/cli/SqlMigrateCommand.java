package covet.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "sqlmigrate", mixinStandardHelpOptions = true,
        description = "Print the SQL a migration runs (or with --backwards, the SQL that reverts it) without running it.")
final class SqlMigrateCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Parameters(paramLabel = "ID", description = "Migration id")
    String id;

    @Option(names = "--backwards", description = "Print the SQL that reverts the migration")
    boolean backwards;

    @Override
    public Integer call() {
        java.util.List<String> statements = root.covet().sql(id, backwards);
        if (root.json()) {
            var doc = JsonOut.document("sqlmigrate", true);
            doc.put("id", id);
            doc.put("backwards", backwards);
            doc.put("statements", statements);
            JsonOut.print(doc);
        } else {
            Output.printScript(statements, root.covet().dialect());
        }
        return ExitCodes.OK;
    }
}
