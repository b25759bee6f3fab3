package covet.writer.json;

import covet.api.migration.Migration;
import covet.api.spi.Dialect;
import covet.api.spi.MigrationWriter;

/**
 * Writes a migration as Covet's canonical JSON: fixed key order, defaults left out, one operation per entry, so
 * that {@code write(read(file))} is stable and {@link JsonMigrationSource} reads back an equal migration. The file
 * declares the lowest format that holds it ({@link FormatVersion#lowest}).
 */
public final class JsonMigrationWriter implements MigrationWriter {

    /** For {@code ServiceLoader}; the writer holds no state. */
    public JsonMigrationWriter() {
    }

    @Override
    public String format() {
        return JsonMigrationSource.FORMAT;
    }

    @Override
    public int apiVersion() {
        return Dialect.API_VERSION;
    }

    @Override
    public String fileExtension() {
        return JsonMigrationSource.FORMAT;
    }

    @Override
    public String writeSchema(covet.api.model.Schema schema) {
        return JsonSchemaFile.write(schema);
    }

    @Override
    public String write(Migration migration) {
        // the header is always complete, even where it holds defaults, so a reader sees it all at a glance
        Node.Arr operations = ObjectBuilder.array(migration.operations().stream().map(OperationWriter::write)
                .toList());
        Node.Obj root = new ObjectBuilder()
                .put(FormatVersion.FIELD, FormatVersion.lowest(operations))
                .put("id", migration.id())
                .put("app", migration.app())
                .strings("dependencies", migration.dependencies())
                .put("operations", operations)
                .build();
        return JsonPrinter.print(root);
    }
}
