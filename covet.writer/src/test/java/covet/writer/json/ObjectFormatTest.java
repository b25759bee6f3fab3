package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.EnumType;
import covet.api.model.ObjectKind;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.operation.CreateObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Named objects: one shape per kind, told apart by {@code kind}, defaults left out. */
class ObjectFormatTest {
    private final JsonMigrationWriter writer = new JsonMigrationWriter();

    static Stream<SchemaObject> objects() {
        return Samples.everyObject().stream();
    }

    @Test
    void samplesCoverEveryKind() {
        Set<ObjectKind> covered = Samples.everyObject().stream().map(SchemaObject::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ObjectKind.class)));
        assertEquals(EnumSet.allOf(ObjectKind.class), covered);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("objects")
    void writtenFieldsAreTheReadersInItsOrder(SchemaObject object) {
        List<String> written = ObjectWriter.write(object).members().stream().map(Node.Member::key).toList();
        List<String> known = ObjectReader.fields(object.kind());
        assertEquals(written, known.stream().filter(written::contains).toList(), "order of " + written);
        assertEquals(object, ObjectReader.read(ObjectWriter.write(object), "object"));
    }

    @Test
    void anEnumIsItsKindNameAndValues() {
        String text = writer.write(Samples.migration(new CreateObject(EnumType.of("mpaa_rating", "G", "PG"))));
        assertTrue(text.contains("    {\n      \"op\": \"CreateObject\",\n      \"object\": {\"kind\": \"enum\","
                + " \"name\": \"mpaa_rating\", \"values\": [\"G\", \"PG\"]}\n    }\n"), text);
    }

    @Test
    void defaultsAndEmptyDependenciesAreLeftOut() {
        assertEquals("{\"kind\": \"sequence\", \"name\": \"s\"}", flat(Sequence.of("s")));
        assertEquals(List.of("kind", "name", "start", "cycle", "dependsOn"), keys(new Sequence("s", null, 100L,
                null, null, null, null, true, null, null, List.of("table:t"))));
        assertEquals("{\"kind\": \"sequence\", \"name\": \"big\", \"maxValue\": 9223372036854775807}",
                flat(new Sequence("big", null, null, null, null, Long.MAX_VALUE, null, false, null, null, null)));
    }

    @Test
    void aMaterializedViewIsPopulatedUnlessItSaysOtherwise() throws IOException {
        Migration m = read("{\"kind\": \"materialized_view\", \"name\": \"mv\", \"definition\": \" SELECT 1;\"}");
        assertTrue(((covet.api.model.MaterializedView) ((CreateObject) m.operations().get(0)).object()).withData());
    }

    @Test
    void explicitDefaultsReadAsTheBareObject() throws IOException {
        Migration bare = read("{\"kind\": \"materialized_view\", \"name\": \"mv\", \"definition\": \"x\"}");
        Migration explicit = read("{\"dependsOn\": [], \"indexes\": null, \"withData\": true, \"comment\": null,"
                + " \"definition\": \"x\", \"name\": \"mv\", \"kind\": \"materialized_view\"}");
        assertEquals(bare.operations(), explicit.operations());
    }

    @Test
    void aTriggerNamesItsTableAndItsOwnName() throws IOException {
        Migration m = read("{\"kind\": \"trigger\", \"table\": \"film\", \"name\": \"t1\", \"definition\":"
                + " \"CREATE TRIGGER t1 ...\"}");
        SchemaObject trigger = ((CreateObject) m.operations().get(0)).object();
        assertEquals("trigger:film.t1", trigger.key());
    }

    private static List<String> keys(SchemaObject o) {
        return ObjectWriter.write(o).members().stream().map(Node.Member::key).toList();
    }

    /** The object as the printer puts it on the line of a short operation. */
    private String flat(SchemaObject o) {
        String text = writer.write(Samples.migration(new CreateObject(o)));
        String line = text.lines().filter(l -> l.contains("\"object\": ")).findFirst().orElseThrow();
        return line.substring(line.indexOf("\"object\": ") + "\"object\": ".length());
    }

    private static Migration read(String object) throws IOException {
        String text = "{\"format\": 2, \"id\": \"20261124_120000_o\", \"operations\": [{\"op\": \"CreateObject\","
                + " \"object\": " + object + "}]}";
        return new JsonMigrationSource().read("mem.json", null,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
