package covet.cli;

import covet.engine.Covet;
import covet.engine.config.ConfigLoader;
import covet.engine.config.CovetConfig;
import covet.engine.plugin.PluginFolders;
import covet.engine.plugin.PluginRegistry;
import covet.engine.run.RunListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code covet [options] COMMAND}; the options are accepted before or after the command. */
@Command(name = "covet", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Schema migrations: write them from the schema you want, apply, roll back.",
        footer = {"", "Settings: options, then environment (COVET_URL, or DB_ENGINE, DB_NAME,",
                "DB_HOST, DB_PORT, DB_USER, DB_PASSWORD), then the nearest covet.yaml or",
                "covet.json, then the SQLite file covet.db in the project root.",
                "Exit codes: 0 done, 1 failed, 2 bad usage, 130 interrupted."})
public final class CovetCommand implements Runnable {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = {"Database to work on, e.g.", "jdbc:postgresql://127.0.0.1:5432/app"})
    String url;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = {"Config file (default: the nearest covet.yaml or", "covet.json, walking up from here)"})
    Path configFile;

    @Option(names = "--migrations-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Migrations folder (default: migrations in the project root)")
    Path migrationsDir;

    @Option(names = "--app", scope = ScopeType.INHERIT, paramLabel = "APP", description = "App (default: default)")
    String app;

    @Option(names = "--yes", scope = ScopeType.INHERIT, description = "Answer yes to every question")
    boolean yes;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print one JSON document on standard output (docs/cli-json.md) and nothing else there")
    boolean json;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Log every SQL statement and every migration run (loggers covet.sql, covet.run)")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print errors only: no progress, no per-migration lines")
    boolean quiet;

    final List<String> warnings = new ArrayList<>();

    /** How many plugin problems were reported when the plugin folders were read (providers fail later, lazily). */
    int printedProblems;

    private CovetConfig config;
    private Covet covet;

    @Override
    public void run() {
        throw new UsageException("no command given; try 'covet --help'");
    }

    CovetConfig config() {
        if (config == null) {
            config = new ConfigLoader(Path.of(""), System::getenv)
                    .load(new ConfigLoader.Options(url, configFile, migrationsDir, app));
        }
        return config;
    }

    Covet covet() {
        if (covet == null) {
            CovetConfig c = config();
            List<Path> pluginDirs = new ArrayList<>();
            String home = System.getProperty("covet.home");
            if (home != null) {
                pluginDirs.add(Path.of(home, "plugins"));
            }
            pluginDirs.add(c.projectRoot().resolve("plugins"));
            PluginRegistry registry = PluginFolders.registry(CovetCommand.class.getModule().getLayer(), pluginDirs);
            registry.loadProblems().forEach(p -> System.err.println("warning: plugin not loaded: " + p));
            printedProblems = registry.loadProblems().size();
            covet = new Covet(c, registry, new covet.engine.run.RunListener() {
                @Override
                public void onWarning(String warning) {
                    warnings.add(warning);
                    System.err.println("warning: " + warning);
                }
            }.andThen(quiet || json ? RunListener.NONE : ProgressLine.ifTerminal()));
        }
        return covet;
    }

    /** Applies -v / -q before the command runs. */
    void applyLogging() {
        Output.quiet = quiet;
        if (verbose) {
            LogConfigurator.verbose();
        } else if (quiet) {
            LogConfigurator.quiet();
        }
    }

    boolean yes() {
        return yes;
    }

    boolean json() {
        return json;
    }

    /** The configured password, if settings were loaded, so error output can mask it. */
    String knownPassword() {
        return config == null ? System.getenv("DB_PASSWORD") : config.password();
    }
}
