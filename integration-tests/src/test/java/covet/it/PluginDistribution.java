package covet.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * A private copy of the built distribution (covet.cli/target/covet) whose plugins/ folder a test fills, and a runner
 * for its own bin/covet as a separate process. Also builds small plugin jars with javac and jar at test time.
 */
final class PluginDistribution {
    final Path home;

    private PluginDistribution(Path home) {
        this.home = home;
    }

    /** Copies the distribution into {@code dir}/covet, keeping the launcher executable. */
    static PluginDistribution copy(Path dir) throws IOException {
        Path source = Cli.launcher().getParent().getParent();
        Path home = dir.resolve("covet");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path target = home.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.createDirectories(home.resolve("plugins"));
        return new PluginDistribution(home);
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    /** Copies {@code jar} into plugins/ under {@code name}; returns the copy. */
    Path addPlugin(Path jar, String name) throws IOException {
        return Files.copy(jar, plugins().resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    Cli.Result run(Path workingDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/covet").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("COVET_") || k.startsWith("DB_"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Path out = Files.createTempFile("covet-out", ".txt");
            Path err = Files.createTempFile("covet-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("covet " + String.join(" ", args) + " did not finish in 120 s");
            }
            Cli.Result r = new Cli.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The jar on this test run's module or class path whose file name starts with {@code prefix} (the sample plugin
     * and its H2 driver come from the Maven build as test dependencies).
     */
    static Path dependencyJar(String prefix) {
        for (String property : new String[] {"jdk.module.path", "java.class.path"}) {
            String value = System.getProperty(property);
            if (value == null) {
                continue;
            }
            for (String entry : value.split(File.pathSeparator)) {
                Path p = Path.of(entry);
                if (p.getFileName() != null && p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)) {
                    return p;
                }
            }
        }
        throw new IllegalStateException("no " + prefix + "*.jar on the test's module or class path (is it a test"
                + " dependency of integration-tests, and was it packaged?)");
    }

    /**
     * Compiles one module from {@code pathsAndSources} (pairs of relative path and source text) against
     * {@code modulePath}, and jars it as {@code work/MODULE.jar}.
     */
    static Path buildModuleJar(Path work, String module, List<Path> modulePath, String... pathsAndSources)
            throws IOException {
        Path src = work.resolve("src").resolve(module);
        Path classes = work.resolve("classes").resolve(module);
        for (int i = 0; i < pathsAndSources.length; i += 2) {
            Path file = src.resolve(pathsAndSources[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndSources[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        if (!modulePath.isEmpty()) {
            args.addAll(List.of("--module-path", String.join(File.pathSeparator,
                    modulePath.stream().map(Path::toString).toList())));
        }
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        tool("javac", args.toArray(String[]::new));
        Path jar = work.resolve(module + ".jar");
        tool("jar", "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
        return jar;
    }

    private static void tool(String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException(
                name + " is not available in this JDK"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int rc = tool.run(print, print, args);
        if (rc != 0) {
            throw new IllegalStateException(name + " " + Arrays.toString(args) + " failed:\n"
                    + out.toString(StandardCharsets.UTF_8));
        }
    }
}
