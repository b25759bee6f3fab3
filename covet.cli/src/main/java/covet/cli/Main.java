package covet.cli;

import picocli.CommandLine;

/** Entry point: exit 0 done, 1 failed, 2 bad usage, 130 interrupted (SIGINT, SIGTERM). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Interruption.install();
        System.exit(Interruption.exitCode(run(args)));
    }

    /** Every command, by name, in the order help lists them. */
    private static final java.util.Map<String, java.util.function.Supplier<Object>> COMMANDS = commands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> commands() {
        java.util.Map<String, java.util.function.Supplier<Object>> m = new java.util.LinkedHashMap<>();
        m.put("migrate", MigrateCommand::new);
        m.put("rollback", RollbackCommand::new);
        m.put("showmigrations", ShowMigrationsCommand::new);
        m.put("sqlmigrate", SqlMigrateCommand::new);
        m.put("inspect", InspectCommand::new);
        m.put("plugins", PluginsCommand::new);
        m.put("makemigrations", MakeMigrationsCommand::new);
        m.put("lint", LintCommand::new);
        m.put("verify", VerifyCommand::new);
        m.put("squash", SquashCommand::new);
        m.put("info", InfoCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("repair", RepairCommand::new);
        m.put("baseline", BaselineCommand::new);
        m.put("clean", CleanCommand::new);
        m.put("adopt", AdoptCommand::new);
        m.put("completion", CompletionCommand::new);
        return m;
    }

    /** Options of the root command that take a value, so the command name is not mistaken for one. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--url", "--config", "--migrations-dir",
            "--app");

    /**
     * Registers only the command being run: picocli builds a reflective model of every registered command up
     * front, which costs a fifth of a second of start-up. Help, errors and no command get them all.
     */
    private static void addSubcommands(CommandLine cli, String[] args) {
        String name = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (VALUED.contains(a)) {
                i++;
            } else if (!a.startsWith("-")) {
                name = a;
                break;
            }
        }
        if (name != null && COMMANDS.containsKey(name) && !name.equals("completion")) {
            cli.addSubcommand(name, COMMANDS.get(name).get());
        } else {
            COMMANDS.forEach((n, c) -> cli.addSubcommand(n, c.get()));
        }
    }

    /** The command line with the commands {@code args} need; every command when {@code args} is null. */
    static CommandLine commandLine(CovetCommand root, String[] args) {
        CommandLine cli = new CommandLine(root);
        if (args == null) {
            COMMANDS.forEach((n, c) -> cli.addSubcommand(n, c.get()));
        } else {
            addSubcommands(cli, args);
        }
        return cli;
    }

    /**
     * pgjdbc logs through java.util.logging straight to standard error, past Covet's masking, and some of its lines
     * hold the whole URL with its password (a URL without {@code /} after the port): its logger is switched off; the
     * driver's errors still reach the user, masked, as the exceptions Covet reports. Held in a field because
     * java.util.logging keeps loggers only weakly, which would lose the level.
     */
    private static final java.util.logging.Logger PGJDBC_LOG = silenced("org.postgresql");

    private static java.util.logging.Logger silenced(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    /** Runs the CLI and returns its exit code; for tests and embedding. */
    public static int run(String... args) {
        PGJDBC_LOG.setLevel(java.util.logging.Level.OFF);
        CovetCommand root = new CovetCommand();
        CommandLine cli = commandLine(root, args);
        cli.setExecutionExceptionHandler(new ErrorReporter(root));
        cli.setExecutionStrategy(parsed -> {
            root.applyLogging();
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler((e, a) -> {
            // picocli repeats the offending argument, which may be a URL with a password in it
            String message = covet.engine.config.Redactor.redactUrl(e.getMessage());
            e.getCommandLine().getErr().println("error: " + message);
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                // "Did you mean: migrate?" for a mistyped command or option
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, e.getCommandLine().getErr());
            }
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            if (java.util.Arrays.asList(a).contains("--json")) {
                var doc = JsonOut.document(e.getCommandLine().getCommandSpec().name(), false);
                var error = new java.util.LinkedHashMap<String, Object>();
                error.put("type", "UsageError");
                error.put("message", message);
                error.put("exitCode", ExitCodes.USAGE);
                doc.put("error", error);
                JsonOut.print(doc);
            }
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }
}
