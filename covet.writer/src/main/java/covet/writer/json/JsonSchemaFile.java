package covet.writer.json;

import covet.api.SchemaStateException;
import covet.api.model.Schema;
import covet.api.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The JSON schema file: {@code {"format": 1, "tables": [...]}}, the desired schema written with the same table
 * vocabulary as migrations (docs/migration-format.md). For a {@code SchemaSource} that reads the wanted schema from a
 * file, and for tools that dump a schema.
 */
public final class JsonSchemaFile {
    static final List<String> FIELDS = List.of("format", "tables");

    private JsonSchemaFile() {
    }

    /**
     * Reads a schema file; tables keep the file's order.
     *
     * @throws MalformedSchemaFileException with the location, line, column and what is wrong
     */
    public static Schema read(String location, InputStream content) throws IOException {
        byte[] bytes = content.readAllBytes();
        try {
            return read(JsonTreeParser.parse(SourceText.decode(bytes)));
        } catch (JsonReadException e) {
            throw new MalformedSchemaFileException(location, e.position().line(), e.position().column(),
                    e.problem());
        }
    }

    /** The canonical text of {@code schema}; {@link #read} gives back an equal schema. */
    public static String write(Schema schema) {
        return JsonPrinter.print(new ObjectBuilder()
                .put(FormatVersion.FIELD, FormatVersion.CURRENT)
                .put("tables", ModelWriter.tables(schema.tables()))
                .build());
    }

    private static Schema read(Node node) {
        Node.Obj root = FormatVersion.root(node, "a schema file");
        FormatVersion.check(root);
        Fields f = Fields.of(root, "", FIELDS);
        List<Node> items = f.array("tables");
        Schema schema = Schema.EMPTY;
        for (int i = 0; i < items.size(); i++) {
            String path = Paths.item("tables", i);
            Table table = ModelReader.table(items.get(i), path);
            try {
                schema = schema.addTable(table);
            } catch (SchemaStateException e) {
                throw new JsonReadException(items.get(i).at(), Paths.at(path, e.getMessage()));
            }
        }
        return schema;
    }
}
