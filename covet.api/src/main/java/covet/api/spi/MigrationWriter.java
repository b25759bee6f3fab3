package covet.api.spi;

import covet.api.migration.Migration;
import covet.api.model.Schema;

/** Writes migrations in one file format; what it writes, the paired {@link MigrationSource} reads back equal. */
public interface MigrationWriter {

    String format();

    /** Implement as {@code return Dialect.API_VERSION;}. */
    int apiVersion();

    String fileExtension();

    /** The file content for {@code migration}. */
    String write(Migration migration);

    /**
     * A schema as a schema file in this format (the tables in the migration vocabulary), which the format's schema
     * source reads back equal. Formats without schema files say so.
     */
    default String writeSchema(Schema schema) {
        throw new UnsupportedOperationException(format() + ": this format has no schema files");
    }
}
