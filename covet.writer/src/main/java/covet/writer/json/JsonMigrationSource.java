package covet.writer.json;

import covet.api.MalformedMigrationException;
import covet.api.migration.Migration;
import covet.api.spi.Dialect;
import covet.api.spi.MigrationSource;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads Covet's JSON migration files (docs/migration-format.md). Every problem, from a stray comma to an unknown
 * field, is a {@link MalformedMigrationException} with the 1-based line and column of the offending token.
 */
public final class JsonMigrationSource implements MigrationSource {
    static final String FORMAT = "json";

    /** For {@code ServiceLoader}; the source holds no state. */
    public JsonMigrationSource() {
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public String fileExtension() {
        return FORMAT;
    }

    /** {@code fileStem} may be null to skip the check that the id is the file name (e.g. for standard input). */
    @Override
    public Migration read(String location, String fileStem, InputStream content) throws IOException {
        byte[] bytes = content.readAllBytes();
        try {
            return MigrationReader.read(JsonTreeParser.parse(SourceText.decode(bytes)), location, fileStem);
        } catch (JsonReadException e) {
            throw new MalformedMigrationException(location, e.position().line(), e.position().column(),
                    e.problem());
        }
    }
}
