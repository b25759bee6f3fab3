package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaFileTest {

    @Test
    void schemaReadsBackEqualAndWritesStably() throws IOException {
        Schema schema = new Schema(List.of(Samples.plainTable(), Samples.richTable()));
        String text = JsonSchemaFile.write(schema);
        assertTrue(text.startsWith("{\n  \"format\": 1,\n  \"tables\": [\n"), text);
        Schema back = read(text);
        assertEquals(schema, back);
        assertEquals(text, JsonSchemaFile.write(back));
    }

    @Test
    void objectsAndFormat2TablesReadBackEqual() throws IOException {
        Schema schema = new Schema(List.of(Samples.format2Table(), Samples.partition()), Samples.everyObject());
        String text = JsonSchemaFile.write(schema);
        assertTrue(text.startsWith("{\n  \"format\": 2,\n  \"tables\": [\n"), text);
        assertTrue(text.contains("\n  \"objects\": [\n    {\"kind\": \"namespace\", \"name\": \"reporting\","), text);
        Schema back = read(text);
        assertEquals(schema, back);
        assertEquals(text, JsonSchemaFile.write(back));
    }

    @Test
    void aSchemaOfPlainTablesStaysFormat1WithoutObjects() {
        String text = JsonSchemaFile.write(new Schema(List.of(Samples.plainTable(), Samples.richTable())));
        assertTrue(text.startsWith("{\n  \"format\": 1,\n"), text);
        assertTrue(!text.contains("\"objects\""), text);
    }

    @Test
    void duplicateObjectIsReportedAtTheSecondObject() {
        String text = "{\"format\": 2, \"tables\": [], \"objects\": [\n"
                + "  {\"kind\": \"enum\", \"name\": \"e\", \"values\": []},\n"
                + "  {\"kind\": \"enum\", \"name\": \"e\", \"values\": [\"a\"]}\n]}";
        MalformedSchemaFileException e = fail(text);
        assertEquals("objects[1]: enum e already exists", e.problem());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertEquals("objects[0] (trigger): missing field 'definition'", fail("{\"format\": 2, \"tables\": [],"
                + " \"objects\": [{\"kind\": \"trigger\", \"table\": \"t\", \"name\": \"x\"}]}").problem());
    }

    @Test
    void emptySchema() throws IOException {
        assertEquals("{\n  \"format\": 1,\n  \"tables\": []\n}\n", JsonSchemaFile.write(Schema.EMPTY));
        assertEquals(Schema.EMPTY, read(JsonSchemaFile.write(Schema.EMPTY)));
    }

    @Test
    void sameTableVocabularyAsMigrations() throws IOException {
        String table = "{\"name\": \"t\", \"columns\": [{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false}],"
                + " \"primaryKey\": {\"columns\": [\"id\"]}}";
        Schema schema = read("{\"format\": 1, \"tables\": [" + table + "]}");
        assertEquals("integer", schema.requireTable("t").requireColumn("id").type().spelling());
        assertEquals(List.of("id"), schema.requireTable("t").primaryKey().columns());
    }

    @Test
    void duplicateTableIsReportedAtTheSecondTable() {
        String text = "{\"format\": 1, \"tables\": [\n"
                + "  {\"name\": \"t\", \"columns\": [{\"name\": \"a\", \"type\": \"text\"}]},\n"
                + "  {\"name\": \"t\", \"columns\": [{\"name\": \"b\", \"type\": \"text\"}]}\n]}";
        MalformedSchemaFileException e = fail(text);
        assertEquals("tables[1]: table 't' already exists", e.problem());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertEquals("malformed schema file schema.json:3:3: tables[1]: table 't' already exists", e.getMessage());
    }

    @Test
    void errorsCarryPathsAndPositions() {
        MalformedSchemaFileException e = fail("{\"format\": 1, \"tables\": [{\"name\": \"t\", \"columns\": [],"
                + " \"colour\": 1}]}");
        assertEquals("tables[0]: unknown field 'colour' (known: name, columns, primaryKey, uniques, indexes,"
                + " foreignKeys, checks, comment, exclusions, partitionBy, partitionOf, options)", e.problem());
        assertEquals(55, e.column(), "the position of \"colour\"");
        assertEquals("tables[0]: columns of table 't' must name at least one element",
                fail("{\"format\": 1, \"tables\": [{\"name\": \"t\", \"columns\": []}]}").problem());
        assertEquals("written in format 3; this Covet reads formats 1 to 2 — upgrade Covet",
                fail("{\"format\": 3, \"views\": []}").problem());
        assertEquals("missing field 'tables'", fail("{\"format\": 1}").problem());
    }

    private static Schema read(String text) throws IOException {
        return JsonSchemaFile.read("schema.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MalformedSchemaFileException fail(String text) {
        return assertThrows(MalformedSchemaFileException.class, () -> read(text));
    }
}
