package covet.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built distribution's {@code bin/covet} as a separate process, with no terminal on standard input. */
final class Cli {
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Path launcher() {
        Path p = Servers.repo().resolve("covet.cli/target/covet/bin/covet");
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("the distribution is not built: " + p + " (run mvn package)");
        }
        return p;
    }

    static Result run(Path workingDir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("COVET_") || k.startsWith("DB_"));
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Path out = Files.createTempFile("covet-out", ".txt");
            Path err = Files.createTempFile("covet-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("covet " + String.join(" ", args) + " did not finish in 120 s");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(Path workingDir, String... args) {
        return run(workingDir, Map.of(), args);
    }
}
