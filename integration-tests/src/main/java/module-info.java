/**
 * End-to-end tests. A main module (not only tests) so that surefire runs the suite on the module path, where
 * ServiceLoader finds the dialects and formats exactly as the CLI does.
 */
module covet.it {
    requires covet.engine;
    requires covet.cli;
    requires java.sql;
    requires com.fasterxml.jackson.databind;

    exports covet.it;
}
