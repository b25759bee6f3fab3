package covet.cli;

import picocli.CommandLine;

/** Entry point: exit 0 done, 1 failed, 2 bad usage. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; for tests and embedding. */
    public static int run(String... args) {
        CovetCommand root = new CovetCommand();
        CommandLine cli = new CommandLine(root);
        cli.setExecutionExceptionHandler(new ErrorReporter(root));
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }
}
