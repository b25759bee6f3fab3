/** Covet's public API: the schema model, the sealed operation family and the plugin SPIs. */
module covet.api {
    requires transitive java.sql;

    exports covet.api;
    exports covet.api.annotation;
    exports covet.api.model;
    exports covet.api.operation;
    exports covet.api.migration;
    exports covet.api.spi;
    exports covet.api.sql;
}
