package covet.it;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition that another process brings about; failing after a generous bound, never racing it. */
final class ReliabilityWait {
    private ReliabilityWait() {
    }

    static void until(long maxSeconds, BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get() + " (waited " + maxSeconds + " s)");
            }
            pause(20);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
