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
        String password = root.knownPassword();
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (!(e instanceof CovetException) && !(e instanceof IllegalArgumentException)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        cli.getErr().println("error: " + Redactor.redact(message, password));
        if (System.getenv("COVET_DEBUG") != null) {
            e.printStackTrace(cli.getErr());
        }
        return e instanceof ConfigException || e instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILED;
    }
}
