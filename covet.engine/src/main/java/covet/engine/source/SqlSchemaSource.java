package covet.engine.source;

import covet.api.CovetException;
import covet.api.model.Schema;
import covet.api.spi.Dialect;
import covet.api.spi.SchemaContext;
import covet.api.spi.SchemaSource;
import covet.api.spi.ScratchDatabase;
import covet.api.sql.SqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The wanted schema from plain SQL DDL. Covet does not parse it: the file runs in a scratch database of the target
 * dialect (SQLite in memory; a temporary database on a server, or the development database) and is read back by
 * the dialect's introspector, so Covet sees exactly what the database sees. The scratch database is always removed.
 */
public final class SqlSchemaSource implements SchemaSource {

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public boolean accepts(Path location) {
        return Files.isRegularFile(location) && location.getFileName().toString().toLowerCase().endsWith(".sql");
    }

    @Override
    public Schema read(Path location, SchemaContext context) throws IOException, SQLException {
        return readDesired(location, context).schema();
    }

    /**
     * The wanted schema and what the introspector lists as unmanaged in the scratch database (an aggregate, a
     * rule, ...): read before the scratch database is removed, so that makemigrations can name each of them.
     */
    public DesiredSchema readDesired(Path location, SchemaContext context) throws IOException, SQLException {
        Dialect dialect = context.dialect();
        String script = Files.readString(location, StandardCharsets.UTF_8);
        java.util.List<SqlScript.Statement> statements;
        try {
            statements = dialect.splitScript(script);
        } catch (CovetException e) {
            throw new SchemaFileException(location + ": " + e.getMessage(), e);
        }
        try (ScratchDatabase scratch = dialect.createScratch(context.devUrl(), context.connectionProperties());
             Statement s = scratch.connection().createStatement()) {
            for (SqlScript.Statement statement : statements) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new SchemaFileException(location + ":" + statement.line() + ": " + dialect.name()
                            + " rejected the statement: " + e.getMessage() + "\n  SQL: " + firstLine(statement.sql()),
                            e);
                }
            }
            java.sql.Connection reader = scratch.readSession();
            return new DesiredSchema(dialect.introspector().introspect(reader),
                    dialect.introspector().unmanaged(reader));
        }
    }

    private static String firstLine(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 197) + "..." : flat;
    }

    /** A schema file Covet could not turn into a schema. */
    public static final class SchemaFileException extends CovetException {
        public SchemaFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
