package covet.engine.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Lists the classes of a folder or jar that may be models: their class file mentions {@code @Table}. Checking the
 * bytes first means only those classes are loaded, so an application class whose dependencies are not beside it
 * (a controller, a main class) cannot fail the read.
 */
final class ModelClassScanner {

    /** How {@code @Table} appears in the constant pool of a class file that carries it. */
    private static final byte[] TABLE_DESCRIPTOR = ("L" + covet.api.annotation.Table.class.getName().replace('.', '/')
            + ";").getBytes(StandardCharsets.US_ASCII);

    private ModelClassScanner() {
    }

    static boolean isJar(Path location) {
        return Files.isRegularFile(location) && location.getFileName().toString().endsWith(".jar");
    }

    /** True for a folder holding at least one class file, at any depth. */
    static boolean isClassFolder(Path location) {
        if (!Files.isDirectory(location)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(location)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".class") && Files.isRegularFile(p));
        } catch (IOException | UncheckedIOException e) {
            // an unreadable folder is not ours to claim; read() would report the I/O error itself
            return false;
        }
    }

    /** Binary names of the candidate classes under {@code location} in {@code packagePrefix} (null: all), sorted. */
    static List<String> candidates(Path location, String packagePrefix) throws IOException {
        List<String> names = new ArrayList<>();
        if (isJar(location)) {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                Enumeration<? extends ZipEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    String className = className(e.getName());
                    if (!e.isDirectory() && className != null && inPackage(className, packagePrefix)) {
                        try (InputStream in = jar.getInputStream(e)) {
                            if (mentionsTable(in.readAllBytes())) {
                                names.add(className);
                            }
                        }
                    }
                }
            }
        } else {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(location)) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                String relative = location.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                        "/");
                String className = className(relative);
                if (className != null && inPackage(className, packagePrefix)
                        && mentionsTable(Files.readAllBytes(file))) {
                    names.add(className);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** The binary class name of a class file path, or null for what is not a loadable class. */
    private static String className(String path) {
        if (!path.endsWith(".class") || path.startsWith("META-INF/")) {
            return null;
        }
        String stem = path.substring(0, path.length() - ".class".length());
        if (stem.endsWith("module-info") || stem.endsWith("package-info")) {
            return null;
        }
        return stem.replace('/', '.');
    }

    static boolean inPackage(String className, String packagePrefix) {
        return packagePrefix == null || className.startsWith(packagePrefix + ".");
    }

    private static boolean mentionsTable(byte[] bytes) {
        outer:
        for (int i = 0; i <= bytes.length - TABLE_DESCRIPTOR.length; i++) {
            for (int j = 0; j < TABLE_DESCRIPTOR.length; j++) {
                if (bytes[i + j] != TABLE_DESCRIPTOR[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
