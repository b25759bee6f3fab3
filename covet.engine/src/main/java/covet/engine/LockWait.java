package covet.engine;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says so when taking the migration lock takes long: another deployer holds it. Silent when the lock comes at
 * once, which is nearly always; the notice is a WARN on {@code covet.run} so a CLI or an application log shows it
 * even at its default level.
 */
final class LockWait implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("covet.run");
    /** Long enough that an ordinary acquisition never prints it. */
    private static final long NOTICE_AFTER_MS = 2_000;

    private final AtomicBoolean done = new AtomicBoolean();

    /** Starts watching an acquisition of the lock on {@code database}, which gives up after {@code timeout}. */
    LockWait(String database, Duration timeout) {
        long since = System.currentTimeMillis();
        CompletableFuture.runAsync(() -> {
            if (!done.get()) {
                LOG.warn("Waiting for the migration lock on {}: another run (another deployer or instance) holds it; "
                        + "waiting up to {} s since {}", database, timeout == null ? "?" : timeout.toSeconds(), java.time.Instant
                        .ofEpochMilli(since).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
        }, CompletableFuture.delayedExecutor(NOTICE_AFTER_MS, TimeUnit.MILLISECONDS));
    }

    /** The lock was taken, or the attempt failed: no notice any more. */
    @Override
    public void close() {
        done.set(true);
    }
}
