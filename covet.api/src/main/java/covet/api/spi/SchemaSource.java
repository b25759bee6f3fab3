package covet.api.spi;

import covet.api.model.Schema;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

/** Yields the schema the user wants: from annotated classes, a schema file, or SQL DDL. */
public interface SchemaSource {

    String name();

    /** Implement as {@code return Dialect.API_VERSION;}. */
    int apiVersion();

    /** True when this source reads what {@code location} points at. */
    boolean accepts(Path location);

    Schema read(Path location, SchemaContext context) throws IOException, SQLException;
}
