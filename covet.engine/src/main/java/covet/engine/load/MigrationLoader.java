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
