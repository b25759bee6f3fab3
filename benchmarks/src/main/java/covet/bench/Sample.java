package covet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Wall time and the calling thread's CPU time of one timed call. */
public record Sample(double wallMs, double cpuMs) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    public static Sample time(Work work) throws Exception {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        work.run();
        long t1 = System.nanoTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        return new Sample((t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6);
    }
}
