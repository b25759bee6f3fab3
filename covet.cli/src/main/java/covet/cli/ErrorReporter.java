package covet.cli;

import covet.api.CovetException;
import covet.engine.config.ConfigException;
import covet.engine.config.Redactor;
import picocli.CommandLine;

/**
 * Turns an exception into one clear message on standard error and an exit code: configuration errors are bad usage
 * (2), everything else a failure (1). Passwords are masked; a stack trace only with COVET_DEBUG set.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final CovetCommand root;

    ErrorReporter(CovetCommand root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        Interruption.failed(e);
        String password = root.knownPassword();
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (!(e instanceof CovetException) && !(e instanceof IllegalArgumentException)
                && !(e instanceof UsageException) && !(e instanceof CancelledException)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        String safe = withoutRepeatedPrefix(Redactor.redact(message, password));
        int code = e instanceof ConfigException || e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILED;
        cli.getErr().println("error: " + safe);
        if (System.getenv("COVET_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        if (root.json()) {
            var doc = JsonOut.document(parsed.subcommand() != null
                    ? parsed.subcommand().commandSpec().name() : "covet", false);
            var error = new java.util.LinkedHashMap<String, Object>();
            error.put("type", e.getClass().getSimpleName());
            error.put("message", safe);
            error.put("exitCode", code);
            if (e instanceof covet.engine.run.StatementFailedException f) {
                error.put("migration", f.migrationId());
                error.put("operation", f.operationIndex());
                error.put("sql", f.sql());
            }
            if (e instanceof covet.api.MalformedMigrationException m) {
                error.put("file", m.location());
                error.put("line", m.line());
                error.put("column", m.column());
                error.put("problem", m.problem());
            }
            if (e instanceof covet.engine.UnmanagedObjectsException u) {
                error.put("unmanaged", u.unmanaged());
            }
            if (e instanceof covet.engine.lint.LintRefusedException refused) {
                error.put("findings", JsonOut.data(refused.findings()));
            }
            doc.put("error", error);
            JsonOut.print(doc);
        }
        return code;
    }

    private static final java.util.regex.Pattern REPEATED_PREFIX =
            java.util.regex.Pattern.compile("(?<![\\w.-])([\\w.-]+): (?:\\1: )+");

    /**
     * {@code "postgresql: postgresql: x"} as {@code "postgresql: x"}: a dialect names itself in its own errors and
     * the engine, wrapping them, names the dialect again.
     */
    static String withoutRepeatedPrefix(String message) {
        return REPEATED_PREFIX.matcher(message).replaceAll("$1: ");
    }
}
