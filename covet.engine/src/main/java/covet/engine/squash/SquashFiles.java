package covet.engine.squash;

import covet.api.CovetException;
import covet.api.spi.MigrationWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a planned squash: the migration file in a format, and its {@code .replaces} sidecar beside it. The sidecar
 * goes first: a squash file without its sidecar would read as a plain migration that repeats the range.
 */
public final class SquashFiles {
    private SquashFiles() {
    }

    /** Writes both files into {@code dir}; refuses, writing nothing, when either exists. Returns the two paths. */
    public static List<Path> write(Path dir, MigrationWriter writer, SquashPlan plan) {
        String id = plan.squashed().id();
        Path file = dir.resolve(id + "." + writer.fileExtension());
        Path sidecar = dir.resolve(id + ReplacementIndex.SUFFIX);
        for (Path p : List.of(file, sidecar)) {
            if (Files.exists(p)) {
                throw new CovetException(p + " exists already; nothing was written");
            }
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(sidecar, ReplacementIndex.format(id, plan.replaces()), StandardCharsets.UTF_8);
            try {
                Files.writeString(file, writer.write(plan.squashed()), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(sidecar);
                throw e;
            }
        } catch (IOException e) {
            throw new CovetException("cannot write the squash into " + dir + ": " + e.getMessage(), e);
        }
        return List.of(file, sidecar);
    }
}
