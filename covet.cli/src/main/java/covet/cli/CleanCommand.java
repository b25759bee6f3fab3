package covet.cli;

import covet.engine.Cleaner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "clean", mixinStandardHelpOptions = true,
        header = "Drop every object of the schema. Off unless clean_enabled: true, and only with --yes.",
        description = {"Drops tables, views, sequences, types, functions, ... and the history tables, leaving the",
                "schema itself. Refused unless the config file says 'clean_enabled: true' and --yes is given",
                "(never the default, as in Flyway). Objects Covet cannot drop are named."})
final class CleanCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Override
    public Integer call() {
        var covet = root.covet();
        if (!root.yes()) {
            throw new CancelledException("clean refused: it drops every object of the schema, so it runs only with"
                    + " --yes (and 'clean_enabled: true' in the config file)");
        }
        Cleaner.Result result = Cleaner.clean(covet);
        result.leftInPlace().forEach(u -> System.err.println("warning: not dropped (Covet does not manage it): "
                + u));
        if (root.json()) {
            var doc = JsonOut.document("clean", true);
            doc.put("statements", result.statements());
            doc.put("leftInPlace", result.leftInPlace());
            JsonOut.print(doc);
        } else {
            result.statements().forEach(s -> System.out.println(s + ";"));
            System.out.println("Cleaned: " + result.statements().size() + " statement(s) run.");
        }
        return ExitCodes.OK;
    }
}
