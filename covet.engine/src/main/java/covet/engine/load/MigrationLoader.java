package covet.engine.load;

import covet.api.CovetException;
import covet.api.MalformedMigrationException;
import covet.api.migration.Migration;
import covet.api.spi.MigrationSource;
import covet.engine.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads every migration file of a folder with the installed formats (chosen by file extension). Files of no installed
 * format are ignored, except hidden ones, which are never read. Reading stops at the first malformed file.
 */
public final class MigrationLoader {
    private final PluginRegistry registry;

    public MigrationLoader(PluginRegistry registry) {
        this.registry = registry;
    }

    /** All migrations in {@code dir}, sorted by id; an absent folder holds none. */
    public List<Migration> load(Path dir) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new CovetException("migrations folder " + dir + " is not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CovetException("cannot list migrations folder " + dir + ": " + e.getMessage(), e);
        }
        List<Migration> migrations = new ArrayList<>();
        Map<String, Migration> seen = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                continue;
            }
            Optional<MigrationSource> source = registry.sourceForExtension(name.substring(dot + 1));
            if (source.isEmpty()) {
                continue;
            }
            Migration m = read(source.get(), file, name.substring(0, dot));
            Migration previous = seen.putIfAbsent(m.id(), m);
            if (previous != null) {
                throw new DuplicateMigrationException("migration id " + m.id() + " is declared twice: " + previous.where() + " and " + m.where());
            }
            migrations.add(m);
        }
        return List.copyOf(migrations);
    }

    /**
     * All migrations in a class-path folder ({@code db/covet}), whether it lies in a directory or a jar: what an
     * application ships inside its own jar. Resources of a named module are visible only if the module opens them.
     */
    public List<Migration> loadResources(ClassLoader classLoader, String folder) {
        String prefix = folder.replaceAll("^/+|/+$", "");
        List<Migration> migrations = new ArrayList<>();
        Map<String, Migration> seen = new HashMap<>();
        try {
            java.util.Enumeration<java.net.URL> roots = classLoader.getResources(prefix);
            java.util.TreeMap<String, java.net.URL> files = new java.util.TreeMap<>();
            while (roots.hasMoreElements()) {
                java.net.URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    try (Stream<Path> list = Files.list(Path.of(root.toURI()))) {
                        for (Path p : list.filter(Files::isRegularFile).toList()) {
                            files.put(p.getFileName().toString(), p.toUri().toURL());
                        }
                    }
                } else if (root.getProtocol().equals("jar")) {
                    var connection = (java.net.JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (java.util.jar.JarFile jar = connection.getJarFile()) {
                        String dir = prefix + "/";
                        jar.stream().map(java.util.jar.JarEntry::getName)
                                .filter(n -> n.startsWith(dir) && n.length() > dir.length()
                                        && n.indexOf('/', dir.length()) < 0)
                                .forEach(n -> files.put(n.substring(dir.length()), classLoader.getResource(n)));
                    }
                }
            }
            for (var e : files.entrySet()) {
                String name = e.getKey();
                int dot = name.lastIndexOf('.');
                if (name.startsWith(".") || dot <= 0) {
                    continue;
                }
                Optional<MigrationSource> source = registry.sourceForExtension(name.substring(dot + 1));
                if (source.isEmpty()) {
                    continue;
                }
                String where = "classpath:" + prefix + "/" + name;
                Migration m;
                try (InputStream in = e.getValue().openStream()) {
                    m = source.get().read(where, name.substring(0, dot), in);
                }
                Migration previous = seen.putIfAbsent(m.id(), m);
                if (previous != null) {
                    throw new DuplicateMigrationException("migration id " + m.id() + " is declared twice: "
                            + previous.where() + " and " + m.where());
                }
                migrations.add(m);
            }
        } catch (IOException | java.net.URISyntaxException e) {
            throw new CovetException("cannot list class-path migrations in " + prefix + ": " + e.getMessage(), e);
        }
        return List.copyOf(migrations);
    }

    private static Migration read(MigrationSource source, Path file, String stem) {
        try (InputStream in = Files.newInputStream(file)) {
            return source.read(file.toString(), stem, in);
        } catch (MalformedMigrationException e) {
            throw e;
        } catch (IOException e) {
            throw new MalformedMigrationException(file.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
