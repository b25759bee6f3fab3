package covet.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a real, offline {@code mvn} build of a small sample project against this build's own Covet artifacts.
 *
 * <p>{@code mvn verify} installs nothing, so the nested build gets a local repository of its own,
 * {@code integration-tests/target/nested-m2}: every folder of the outer local repository (the one this build
 * resolved its third-party artifacts into, {@code -Dmaven.repo.local} when given) is linked into it, except
 * {@code dev/covet}, which holds copies of the jars and POMs the reactor has just packaged (the parent, the BOM,
 * the engine, the dialects, the plugin). So the nested build runs offline ({@code -o}), resolves
 * exactly this checkout's Covet, and never writes snapshots into the user's repository. The reactor builds those
 * modules first because integration-tests depends on them (as POM-type dependencies that add nothing to its
 * class path).
 */
final class NestedMaven {
    /** Reactor modules published to the nested repository: folder, artifactId, packaging. */
    private static final List<String[]> MODULES = List.of(
            new String[] {".", "covet-parent", "pom"},
            new String[] {"covet-bom", "covet-bom", "pom"},
            new String[] {"covet.api", "covet-api", "jar"},
            new String[] {"covet.engine", "covet-engine", "jar"},
            new String[] {"covet.writer", "covet-writer", "jar"},
            new String[] {"covet.dialect.sqlite", "covet-dialect-sqlite", "jar"},
            new String[] {"covet.dialect.postgres", "covet-dialect-postgres", "jar"},
            new String[] {"covet.dialect.mysql", "covet-dialect-mysql", "jar"},
            new String[] {"covet-maven-plugin", "covet-maven-plugin", "jar"});

    private static Path repository;

    record Result(int exit, String out) {
        @Override
        public String toString() {
            return "exit " + exit + "\n" + out;
        }
    }

    private NestedMaven() {
    }

    static String version() {
        String v = System.getProperty("covet.version");
        if (v == null) {
            throw new IllegalStateException("system property covet.version is not set (run the tests with Maven)");
        }
        return v;
    }

    /** The nested local repository, laid out once per test run. */
    static synchronized Path repository() throws IOException {
        if (repository != null) {
            return repository;
        }
        String outer = System.getProperty("covet.localRepository");
        if (outer == null || !Files.isDirectory(Path.of(outer))) {
            throw new IllegalStateException("the outer local repository is unknown (covet.localRepository = " + outer
                    + "); run the tests with Maven");
        }
        Path outerRepo = Path.of(outer).toAbsolutePath();
        Path repo = Servers.repo().resolve("integration-tests/target/nested-m2");
        deleteTree(repo);
        Files.createDirectories(repo);
        try (Stream<Path> top = Files.list(outerRepo)) {
            for (Path p : (Iterable<Path>) top::iterator) {
                if (!p.getFileName().toString().equals("dev")) {
                    Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p);
                }
            }
        }
        Path dev = Files.createDirectories(repo.resolve("dev"));
        if (Files.isDirectory(outerRepo.resolve("dev"))) {
            try (Stream<Path> groups = Files.list(outerRepo.resolve("dev"))) {
                for (Path p : (Iterable<Path>) groups::iterator) {
                    if (!p.getFileName().toString().equals("covet")) {
                        Files.createSymbolicLink(dev.resolve(p.getFileName().toString()), p);
                    }
                }
            }
        }
        String version = version();
        for (String[] m : MODULES) {
            Path module = Servers.repo().resolve(m[0]);
            if (!Files.isRegularFile(module.resolve("pom.xml"))) {
                continue; // a module this checkout does not have
            }
            Path target = Files.createDirectories(repo.resolve("dev/covet").resolve(m[1]).resolve(version));
            Files.copy(module.resolve("pom.xml"), target.resolve(m[1] + "-" + version + ".pom"),
                    StandardCopyOption.REPLACE_EXISTING);
            if (m[2].equals("jar")) {
                Path jar = module.resolve("target/" + m[1] + "-" + version + ".jar");
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(jar + " is not built: build the reactor (mvn verify) or "
                            + "mvn package -pl " + m[0] + " -am first");
                }
                Files.copy(jar, target.resolve(m[1] + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        repository = repo;
        return repo;
    }

    /** {@code mvn -B -o -Dmaven.repo.local=<nested> ARGS} in {@code project}, stdout and stderr together. */
    static Result run(Path project, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-ntp",
                "-Dmaven.repo.local=" + repository()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("COVET_") || k.startsWith("DB_")
                || k.equals("MAVEN_ARGS"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("mvn " + args[0] + " did not finish in 300 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Writes {@code text} to {@code project/name}, with {@code @VERSION@} replaced by Covet's version. */
    static void write(Path project, String name, String text) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.replace("@VERSION@", version()));
    }

    static void copyBlogMigrations(Path project) throws IOException {
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        try (Stream<Path> files = Files.list(Servers.repo().resolve("examples/blog/migrations"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, migrations.resolve(f.getFileName()));
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // links are removed, never followed: they point into the outer repository
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
