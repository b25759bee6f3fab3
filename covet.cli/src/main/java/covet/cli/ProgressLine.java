package covet.cli;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import covet.engine.run.MigrationResult;
import covet.engine.run.RunListener;
import java.io.PrintStream;

/**
 * On a terminal, a live line on standard error while a migration runs: its id, the operation being run (n of m)
 * and the time elapsed, redrawn twice a second by a daemon thread and erased when the migration ends, so a
 * twenty-second migration shows it is working. Off a terminal nothing is drawn: logs and pipes get plain lines.
 */
final class ProgressLine implements RunListener {
    private static final long REDRAW_MS = 500;

    private final PrintStream err;
    private volatile String migration;
    private volatile String operation = "";
    private volatile long startedAt;
    private volatile boolean drawn;
    private Thread ticker;

    private ProgressLine(PrintStream err) {
        this.err = err;
    }

    /** A progress line when standard error is a terminal, else no listener. */
    static RunListener ifTerminal() {
        return System.console() != null ? new ProgressLine(System.err) : RunListener.NONE;
    }

    @Override
    public synchronized void beforeMigration(Migration m, String direction) {
        migration = (direction.equals(MigrationResult.APPLY) ? "Applying " : "Reverting ") + m.id();
        operation = "";
        startedAt = System.nanoTime();
        if (ticker == null) {
            ticker = new Thread(this::tick, "covet-progress");
            ticker.setDaemon(true);
            ticker.start();
        }
    }

    @Override
    public void beforeOperation(Migration m, int index, Operation op) {
        operation = ": operation " + (index + 1) + " of " + m.operations().size() + " (" + op.kind() + ")";
    }

    @Override
    public void afterMigration(MigrationResult result) {
        finish();
    }

    @Override
    public void onFailure(Migration m, RuntimeException failure) {
        finish();
    }

    private synchronized void finish() {
        migration = null;
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    private void tick() {
        while (true) {
            try {
                Thread.sleep(REDRAW_MS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                String m = migration;
                if (m != null) {
                    long ms = (System.nanoTime() - startedAt) / 1_000_000;
                    err.print("\r\033[K" + m + operation + String.format(" %.1f s", ms / 1000.0));
                    err.flush();
                    drawn = true;
                }
            }
        }
    }

}
