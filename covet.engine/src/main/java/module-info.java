/** The engine: plugin discovery, graph, runner, history, reverse, config, and the {@code Covet} front door. */
module covet.engine {
    requires transitive covet.api;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.slf4j;

    exports covet.engine;
    exports covet.engine.checksum;
    exports covet.engine.config;
    exports covet.engine.diff;
    exports covet.engine.fleet;
    exports covet.engine.graph;
    exports covet.engine.history;
    exports covet.engine.lint;
    exports covet.engine.load;
    exports covet.engine.merge;
    exports covet.engine.models;
    exports covet.engine.optimize;
    exports covet.engine.plugin;
    exports covet.engine.questioner;
    exports covet.engine.reverse;
    exports covet.engine.run;
    exports covet.engine.source;
    exports covet.engine.squash;
    exports covet.engine.state;
    exports covet.engine.verify;

    uses covet.api.spi.Dialect;
    uses covet.api.spi.MigrationSource;
    uses covet.api.spi.MigrationWriter;
    uses covet.api.spi.SchemaSource;
    uses covet.api.migration.JavaMigration;

    provides covet.api.spi.SchemaSource with covet.engine.source.SqlSchemaSource,
            covet.engine.models.ModelSchemaSource;
}
