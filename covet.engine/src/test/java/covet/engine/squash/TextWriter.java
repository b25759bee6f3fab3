package covet.engine.squash;

import covet.api.migration.Migration;
import covet.api.spi.Dialect;
import covet.api.spi.MigrationWriter;

/** A writer of a made-up format for file tests; the real formats live in plugins the engine does not depend on. */
final class TextWriter implements MigrationWriter {
    @Override
    public String format() {
        return "text";
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public String fileExtension() {
        return "txt";
    }

    @Override
    public String write(Migration migration) {
        return migration.id() + " " + migration.operations().size() + "\n";
    }
}
