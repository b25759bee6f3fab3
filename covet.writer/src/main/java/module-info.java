/**
 * Migration file formats: the JSON migration format ({@code MigrationSource} and {@code MigrationWriter}) and the
 * JSON schema file that shares its table vocabulary.
 */
module covet.writer {
    requires transitive covet.api;
    requires com.fasterxml.jackson.core;

    exports covet.writer.json;

    provides covet.api.spi.MigrationSource with covet.writer.json.JsonMigrationSource;
    provides covet.api.spi.MigrationWriter with covet.writer.json.JsonMigrationWriter;
    provides covet.api.spi.SchemaSource with covet.writer.json.JsonSchemaSource;
}
