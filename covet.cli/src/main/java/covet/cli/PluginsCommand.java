package covet.cli;

import covet.engine.plugin.PluginInfo;
import covet.engine.plugin.PluginRegistry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code covet plugins}: every provider with its kind, name, module, version and jar; with {@code --url}, what the
 * dialect says about that server (a Galera cluster of N nodes). Exit 1 when a plugin jar could
 * not be loaded (it is listed on standard error) or two plugins claim one name.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List every dialect, migration format and schema source found, with module, version and jar.")
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Override
    public Integer call() {
        PluginRegistry registry = root.covet().registry();
        // only an explicit --url is contacted: listing plugins must not create the default SQLite file
        List<String> server = List.of();
        if (root.url != null) {
            try {
                server = root.covet().describeServer();
            } catch (RuntimeException e) {
                // the listing is what was asked for; a server that cannot be reached is a warning beside it
                System.err.println("warning: server not described: " + e.getMessage());
            }
        }
        if (root.json()) {
            var doc = JsonOut.document("plugins", registry.loadProblems().isEmpty());
            if (root.url != null) {
                doc.put("server", server);
            }
            doc.put("plugins", JsonOut.data(registry.describe()));
            doc.put("problems", registry.loadProblems());
            JsonOut.print(doc);
            return registry.loadProblems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
        System.out.println(String.format("%-16s %-12s %-24s %-16s %s", "KIND", "NAME", "MODULE", "VERSION",
                "LOCATION"));
        for (PluginInfo p : registry.describe()) {
            System.out.println(String.format("%-16s %-12s %-24s %-16s %s", p.kind(), p.name(), p.module(),
                    p.version(), p.location()));
        }
        server.forEach(line -> System.out.println("server: " + line));
        // the plugin folders' problems were printed when they were read; providers that failed since, now
        List<String> problems = registry.loadProblems();
        problems.subList(Math.min(root.printedProblems, problems.size()), problems.size())
                .forEach(p -> System.err.println("error: plugin not loaded: " + p));
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
