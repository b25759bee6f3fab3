package covet.engine.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Compiles model sources against covet.api into a folder, and packs folders into jars, for the tests that read
 * classes Covet has never seen. Uses javac through {@link ToolProvider} of java.base, so the engine module needs no
 * {@code requires java.compiler}.
 */
final class Javac {
    private Javac() {
    }

    /** Writes {@code sources} (path to text) under {@code dir}/src and compiles them to {@code dir}/classes. */
    static Path compile(Path dir, Map<String, String> sources) throws IOException {
        Path src = dir.resolve("src");
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            files.add(file);
        }
        return compile(dir.resolve("classes"), files);
    }

    /** Compiles {@code files} into {@code out}. */
    static Path compile(Path out, List<Path> files) throws IOException {
        Files.createDirectories(out);
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("javac is not available in this JDK"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", out.toString(),
                "--class-path", apiLocation().toString()));
        files.forEach(f -> args.add(f.toString()));
        StringWriter messages = new StringWriter();
        PrintWriter writer = new PrintWriter(messages);
        int rc = javac.run(writer, writer, args.toArray(String[]::new));
        writer.flush();
        assertEquals(0, rc, "javac failed: " + messages);
        return out;
    }

    /** Where covet.api's classes are: target/classes of the reactor, or its jar. */
    static Path apiLocation() {
        try {
            return Path.of(covet.api.annotation.Table.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Packs every file under {@code folder} into {@code jar}. */
    static Path jar(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
