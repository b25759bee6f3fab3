package covet.engine.load;

import covet.api.CovetException;
import covet.api.MalformedMigrationException;
import covet.api.migration.Migration;
import covet.api.spi.MigrationFile;
import covet.api.spi.MigrationSetSource;
import covet.api.spi.MigrationSource;
import covet.api.sql.SqlScript;
import covet.engine.plugin.PluginRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads every migration file of a folder with the installed formats (chosen by file extension). A file no installed
 * format reads is named to the {@code unread} listener (a {@code V1__init.sql} without the SQL format's jar would
 * otherwise be left out without a word); hidden files are never read and never named. Reading stops at the first malformed file. A format
 * that reads its files together ({@link MigrationSetSource}: the SQL format's pairs and versions) gets them all at
 * once.
 */
public final class MigrationLoader {
    private final PluginRegistry registry;
    private final Function<String, List<SqlScript.Statement>> splitter;
    private final java.util.function.Consumer<String> unread;

    public MigrationLoader(PluginRegistry registry) {
        this(registry, SqlScript::split);
    }

    /** {@code splitter} splits SQL files (the target dialect's {@code splitScript}); asked only when one is read. */
    public MigrationLoader(PluginRegistry registry, Function<String, List<SqlScript.Statement>> splitter) {
        this(registry, splitter, file -> { });
    }

    /** As above; {@code unread} hears one line for each file of the folder that no installed format reads. */
    public MigrationLoader(PluginRegistry registry, Function<String, List<SqlScript.Statement>> splitter,
                           java.util.function.Consumer<String> unread) {
        this.registry = registry;
        this.splitter = splitter;
        this.unread = unread;
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
            files = list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> usable(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CovetException("cannot list migrations folder " + dir + ": " + e.getMessage(), e);
        }
        List<Migration> migrations = new ArrayList<>();
        Map<String, Migration> seen = new HashMap<>();
        Map<MigrationSetSource, List<MigrationFile>> sets = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Optional<MigrationSource> source = dot <= 0 ? Optional.empty()
                    : registry.sourceForExtension(name.substring(dot + 1));
            if (source.isEmpty()) {
                unread.accept(file + " is not read: no installed format reads "
                        + (dot <= 0 ? "files without an extension" : "." + name.substring(dot + 1) + " files")
                        + " (`covet plugins` lists the formats; a name starting with a dot is never read)");
                continue;
            }
            if (source.get() instanceof MigrationSetSource set) {
                sets.computeIfAbsent(set, s -> new ArrayList<>()).add(new MigrationFile(file.toString(), name,
                        bytes(file)));
                continue;
            }
            add(migrations, seen, read(source.get(), file, name.substring(0, dot)));
        }
        sets.forEach((set, setFiles) -> set.readAll(setFiles, splitter).forEach(m -> add(migrations, seen, m)));
        return List.copyOf(migrations);
    }

    /**
     * Whether {@code entry} is a file to read. An entry named like a migration file of an installed format that is no
     * readable regular file (a dangling or looping symbolic link, a folder named {@code x.json}, a FIFO) is an error
     * naming it: skipping it would leave its migration out without a word (issue 18). Other entries are not ours.
     */
    private boolean usable(Path entry) {
        if (Files.isRegularFile(entry)) {
            return true;
        }
        String name = entry.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || registry.sourceForExtension(name.substring(dot + 1)).isEmpty()) {
            return false;
        }
        String what = Files.isSymbolicLink(entry) && !Files.exists(entry)
                ? "is a symbolic link whose target is missing or loops back"
                : Files.isDirectory(entry) ? "is a folder, not a migration file"
                : "is not a regular file (a FIFO, socket or device)";
        throw new MalformedMigrationException(entry.toString(), what + "; remove or rename it (a name starting "
                + "with a dot is never read)");
    }

    private static void add(List<Migration> migrations, Map<String, Migration> seen, Migration m) {
        Migration previous = seen.putIfAbsent(m.id(), m);
        if (previous != null) {
            throw new DuplicateMigrationException("migration id " + m.id() + " is declared twice: " + previous.where() + " and " + m.where());
        }
        migrations.add(m);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MalformedMigrationException(file.toString(), "cannot be read: " + ReadProblem.of(e));
        }
    }

    /**
     * All migrations in a class-path folder ({@code db/covet}), whether it lies in a directory or a jar: what an
     * application ships inside its own jar. Resources of a named module are visible only if the module opens them.
     */
    public List<Migration> loadResources(ClassLoader classLoader, String folder) {
        String prefix = folder.replaceAll("^/+|/+$", "");
        List<Migration> migrations = new ArrayList<>();
        Map<String, Migration> seen = new HashMap<>();
        Map<MigrationSetSource, List<MigrationFile>> sets = new LinkedHashMap<>();
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
                if (source.get() instanceof MigrationSetSource set) {
                    try (InputStream in = e.getValue().openStream()) {
                        sets.computeIfAbsent(set, s -> new ArrayList<>()).add(new MigrationFile(where, name,
                                in.readAllBytes()));
                    }
                    continue;
                }
                Migration m;
                try (InputStream in = e.getValue().openStream()) {
                    m = source.get().read(where, name.substring(0, dot), in);
                }
                add(migrations, seen, m);
            }
            sets.forEach((set, setFiles) -> set.readAll(setFiles, splitter).forEach(m -> add(migrations, seen, m)));
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
            throw new MalformedMigrationException(file.toString(), "cannot be read: " + ReadProblem.of(e));
        }
    }
}
