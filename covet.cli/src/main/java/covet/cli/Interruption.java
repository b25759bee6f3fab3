package covet.cli;

import covet.engine.run.RunningStatements;
import covet.engine.run.StatementFailedException;
import java.util.List;
import sun.misc.Signal;

/**
 * SIGINT (Ctrl-C) and SIGTERM: the statement the server is running is cancelled ({@link RunningStatements}), the run
 * fails as for any failed statement (rolled back, or recorded FAILED at its operation) and releases the lock as its
 * connection closes; then {@link Main} prints one line saying what state the database is in and exits
 * {@link ExitCodes#INTERRUPTED}. Handled with {@link Signal} rather than a shutdown hook: a hook runs while the JVM
 * is already exiting, when the run could no longer finish its failure path. A run that has not stopped
 * {@link #GRACE_SECONDS} after the signal, or a second signal, ends the process at once.
 */
final class Interruption {
    /** How long the run may take to stop after its statement was cancelled: the server's confirmation, a rollback. */
    static final long GRACE_SECONDS = 10;

    /** The failure the interrupted command reported, for the state line. */
    private static volatile Exception failure;

    private Interruption() {
    }

    /** Installs the handlers (not for {@link Main#run}, which tests call in their own JVM). */
    static void install() {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), Interruption::received);
            } catch (IllegalArgumentException taken) {
                // -Xrs, or the signal is the JVM's: the default behaviour stays
            }
        }
    }

    /** Remembers what the interrupted command failed with (called by {@link ErrorReporter}). */
    static void failed(Exception e) {
        failure = e;
    }

    private static void received(Signal signal) {
        String name = "SIG" + signal.getName();
        RunningStatements statements = RunningStatements.process();
        if (statements.interruption() != null) {
            System.err.println("covet: " + name + " again: stopped without waiting for the run to end; check what was "
                    + "applied with covet showmigrations");
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        RunningStatements.Cancelled cancelled = statements.interrupt(name);
        if (cancelled.connections() == 0) {
            System.err.println("covet: interrupted by " + name + "; no connection to the database was open, so the"
                    + " database was not changed by this step");
            System.exit(ExitCodes.INTERRUPTED);
        }
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE_SECONDS * 1000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("covet: interrupted by " + name + "; the run did not stop within " + GRACE_SECONDS
                    + " s after its statement was cancelled and was ended; the server rolls back or finishes what it"
                    + " was running and frees the lock when it notices: check with covet showmigrations");
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }, "covet-interruption-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * The exit code after the command returned {@code code}: {@link ExitCodes#INTERRUPTED} with one line on standard
     * error saying what state the database is in when a signal came, else {@code code}.
     */
    static int exitCode(int code) {
        String signal = RunningStatements.process().interruption();
        if (signal == null) {
            return code;
        }
        Exception e = failure;
        String state;
        if (e instanceof StatementFailedException f) {
            state = "migration " + f.migrationId() + " stopped at operation " + f.operationIndex() + ": "
                    + f.databaseState();
        } else if (code == ExitCodes.OK) {
            state = "the command had finished before it could be stopped; what it reported is done.";
        } else {
            state = "no migration was in progress; migrations reported applied above stay applied.";
        }
        System.err.println("covet: interrupted by " + signal + "; the running statement was cancelled and the "
                + "migration lock released. " + state);
        return ExitCodes.INTERRUPTED;
    }
}
