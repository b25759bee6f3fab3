package covet.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code covet} process from the built distribution, started without waiting, so that a test can run several at
 * once or kill one with SIGKILL (the launcher {@code exec}s java, so the process is the JVM itself).
 */
final class ReliabilityProcess {
    /** The longest any single covet process may take in these tests before the test fails. */
    static final long MAX_SECONDS = 120;

    private final Process process;
    private final Path out;
    private final Path err;
    private final String label;

    private ReliabilityProcess(Process process, Path out, Path err, String label) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.label = label;
    }

    /** Starts {@code covet args...} in {@code dir}; with {@code fileSizeKb} > 0 under {@code ulimit -f}. */
    static ReliabilityProcess start(Path dir, long fileSizeKb, String... args) {
        return start(dir, fileSizeKb, false, args);
    }

    /**
     * Starts {@code covet args...} with SIGINT and SIGTERM at their default disposition, so that {@link #signal} reaches
     * Covet's handlers even when this JVM was started with them ignored (a background job of a shell without job
     * control), which a child inherits and the JVM then leaves alone. Needs GNU env 8.31 or later.
     */
    static ReliabilityProcess startInterruptible(Path dir, String... args) {
        return start(dir, 0, true, args);
    }

    private static ReliabilityProcess start(Path dir, long fileSizeKb, boolean defaultSignals, String... args) {
        List<String> command = new ArrayList<>();
        if (defaultSignals) {
            command.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        if (fileSizeKb > 0) {
            // RLIMIT_FSIZE needs no privileges; the JVM ignores SIGXFSZ, so an oversized write fails with EFBIG
            command.addAll(List.of("/bin/sh", "-c", "ulimit -f " + fileSizeKb + " && exec \"$0\" \"$@\""));
        }
        command.add(Cli.launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("COVET_") || k.startsWith("DB_"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Path out = Files.createTempFile(dir, "covet-out", ".txt");
            Path err = Files.createTempFile(dir, "covet-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            return new ReliabilityProcess(pb.start(), out, err, String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReliabilityProcess start(Path dir, String... args) {
        return start(dir, 0, args);
    }

    /** Runs {@code covet args...} to its end. */
    static Cli.Result run(Path dir, String... args) {
        return start(dir, args).await();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Sends {@code signal} ({@code INT}, {@code TERM}) to the covet process (the JVM: every launcher execs). */
    void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no finally block, no goodbye to the database. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the exit; a process still running after {@link #MAX_SECONDS} is killed and fails the test. */
    Cli.Result await() {
        try {
            if (!process.waitFor(MAX_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("covet " + label + " did not finish within " + MAX_SECONDS + " s\n"
                        + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Cli.Result(process.exitValue(), read(out), read(err));
    }

    String output() {
        return "--- stdout\n" + read(out) + "--- stderr\n" + read(err);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
