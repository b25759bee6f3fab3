/** The covet command line. Built-in dialects and formats are found at run time, never required here. */
module covet.cli {
    requires covet.engine;
    requires info.picocli;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires java.logging;
    // sun.misc.Signal: SIGINT/SIGTERM cancel the running statement before the process exits
    requires jdk.unsupported;

    opens covet.cli to info.picocli;
    // the end-to-end tests run the CLI in process
    exports covet.cli to covet.it;

    provides ch.qos.logback.classic.spi.Configurator with covet.cli.LogConfigurator;
}
