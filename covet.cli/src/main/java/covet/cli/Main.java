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
            if (java.util.Arrays.asList(a).contains("--json")) {
                var doc = JsonOut.document(e.getCommandLine().getCommandSpec().name(), false);
                var error = new java.util.LinkedHashMap<String, Object>();
                error.put("type", "UsageError");
                error.put("message", e.getMessage());
                error.put("exitCode", ExitCodes.USAGE);
                doc.put("error", error);
                JsonOut.print(doc);
            }
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }
}
