package covet.api.spi;

import covet.api.migration.Migration;
import java.io.IOException;
import java.io.InputStream;

/** Reads migrations of one file format. Paired with a {@link MigrationWriter} in a format plugin. */
public interface MigrationSource {

    /** The format's name, e.g. {@code json}. */
    String format();

    /** Implement as {@code return Dialect.API_VERSION;}. */
    int apiVersion();

    /** The file name ending this format reads, without the dot, e.g. {@code json}. */
    String fileExtension();

    /**
     * Reads one migration. {@code location} names the file in messages and is kept in the migration.
     *
     * @throws covet.api.MalformedMigrationException with the location, line, column and what is wrong
     */
    Migration read(String location, String fileStem, InputStream content) throws IOException;
}
