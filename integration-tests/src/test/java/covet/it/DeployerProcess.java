package covet.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code covet} process of the built distribution with an environment of its own (the lock lease of a Galera
 * test, say), started without waiting so that a test can run several at once or SIGKILL one.
 */
final class DeployerProcess {
    private final Process process;
    private final Path out;
    private final Path err;
    private final String label;

    private DeployerProcess(Process process, Path out, Path err, String label) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.label = label;
    }

    static DeployerProcess start(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Cli.launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("COVET_") || k.startsWith("DB_"));
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Path o = Files.createTempFile(dir, "covet-out", ".txt");
            Path e = Files.createTempFile(dir, "covet-err", ".txt");
            pb.redirectOutput(o.toFile()).redirectError(e.toFile());
            return new DeployerProcess(pb.start(), o, e, String.join(" ", args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
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

    /** Waits for the exit; a process still running after {@code seconds} is killed and fails the test. */
    Cli.Result await(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("covet " + label + " hung: still running after " + seconds + " s\n"
                        + "--- stdout\n" + read(out) + "--- stderr\n" + read(err));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Cli.Result(process.exitValue(), read(out), read(err));
    }

    String stdout() {
        return read(out);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
