package covet.api.spi;

import covet.api.migration.Migration;
import java.util.Map;

/**
 * A {@link MigrationWriter} that writes one migration as several files (the SQL format's {@code <id>.up.sql} and
 * {@code <id>.down.sql}); its {@link MigrationSetSource} reads them back as one migration.
 */
public interface MigrationFilesWriter extends MigrationWriter {

    /** The files of {@code migration}: file name (no folder) to content, in the order to write them. */
    Map<String, String> files(Migration migration);
}
