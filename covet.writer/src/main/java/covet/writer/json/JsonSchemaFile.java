package covet.writer.json;

import covet.api.SchemaStateException;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON schema file: {@code {"format": 2, "tables": [...], "objects": [...]}}, the desired schema written with the
 * same table and object vocabulary as migrations (docs/migration-format.md). For a {@code SchemaSource} that reads
 * the wanted schema from a file, and for tools that dump a schema.
 */
public final class JsonSchemaFile {
    static final List<String> FIELDS = List.of("format", "tables", "objects");

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

    /**
     * The canonical text of {@code schema}; {@link #read} gives back an equal schema. {@code objects} is written
     * only when the schema holds some, and the file declares the lowest format that holds it.
     */
    public static String write(Schema schema) {
        Node.Obj body = new ObjectBuilder()
                .put("tables", ModelWriter.tables(schema.tables()))
                .nonEmpty("objects", schema.objects().stream().map(ObjectWriter::write).toList())
                .build();
        List<Node.Member> members = new ArrayList<>();
        members.add(new Node.Member(FormatVersion.FIELD, Position.NONE, new Node.Num(
                Integer.toString(FormatVersion.lowest(body)), true, Position.NONE)));
        members.addAll(body.members());
        return JsonPrinter.print(new Node.Obj(members, Position.NONE));
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
        List<Node> objects = f.optionalArray("objects");
        for (int i = 0; i < objects.size(); i++) {
            String path = Paths.item("objects", i);
            SchemaObject object = ObjectReader.read(objects.get(i), path);
            try {
                schema = schema.addObject(object);
            } catch (SchemaStateException e) {
                throw new JsonReadException(objects.get(i).at(), Paths.at(path, e.getMessage()));
            }
        }
        return schema;
    }
}
