package covet.writer.json;

import covet.api.model.Schema;
import covet.api.spi.Dialect;
import covet.api.spi.SchemaContext;
import covet.api.spi.SchemaSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The wanted schema from a JSON schema file ({@code {"format": 2, "tables": [...], "objects": [...]}}), as
 * {@code inspect} writes it.
 */
public final class JsonSchemaSource implements SchemaSource {

    @Override
    public String name() {
        return "schema-file";
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public boolean accepts(Path location) {
        return Files.isRegularFile(location) && location.getFileName().toString().endsWith(".json");
    }

    @Override
    public Schema read(Path location, SchemaContext context) throws IOException {
        try (InputStream in = Files.newInputStream(location)) {
            return JsonSchemaFile.read(location.toString(), in);
        }
    }
}
