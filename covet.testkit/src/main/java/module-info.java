/**
 * The dialect conformance kit, and the format test kit ({@link covet.testkit.FormatConformanceTest}). Subclass {@link covet.testkit.DialectConformanceTest} in your dialect's tests, name
 * your dialect and give it a fresh database; the kit loads the dialect by name through ServiceLoader.
 */
module covet.testkit {
    requires transitive covet.api;
    requires covet.engine;
    requires transitive org.junit.jupiter.api;

    exports covet.testkit;
    opens covet.testkit to org.junit.platform.commons;

    uses covet.api.spi.Dialect;
    uses covet.api.spi.MigrationSource;
    uses covet.api.spi.MigrationWriter;
}
