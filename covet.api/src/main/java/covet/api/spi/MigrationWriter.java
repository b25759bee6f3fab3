package covet.api.spi;

import covet.api.migration.Migration;

/** Writes migrations in one file format; what it writes, the paired {@link MigrationSource} reads back equal. */
public interface MigrationWriter {

    String format();

    /** Implement as {@code return Dialect.API_VERSION;}. */
    int apiVersion();

    String fileExtension();

    /** The file content for {@code migration}. */
    String write(Migration migration);
}
