/** The engine: plugin discovery, diff, graph, runner, history, lock, reverse, config. Names no dialect. */
module covet.engine {
    requires transitive covet.api;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.slf4j;

    uses covet.api.spi.Dialect;
    uses covet.api.spi.MigrationSource;
    uses covet.api.spi.MigrationWriter;
    uses covet.api.spi.SchemaSource;
}
