package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.operation.AddColumn;
import covet.api.operation.Operation;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonMigrationRoundTripTest {
    private final JsonMigrationSource source = new JsonMigrationSource();
    private final JsonMigrationWriter writer = new JsonMigrationWriter();

    static Stream<Operation> operations() {
        return Samples.everyOperation().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("operations")
    void everyOperationReadsBackEqual(Operation op) throws IOException {
        Migration m = Samples.migration(op);
        String text = writer.write(m);
        Migration back = read(text, m.id());
        assertEquals(withLocation(m), back, text);
        assertEquals(text, writer.write(back), "writing what was read is stable");
    }

    @Test
    void samplesCoverEveryOperationKind() {
        Set<String> covered = Samples.everyOperation().stream().map(Operation::kind).collect(Collectors.toSet());
        Set<String> family = Stream.of(Operation.class.getPermittedSubclasses()).map(Class::getSimpleName)
                .collect(Collectors.toSet());
        assertEquals(family, covered);
    }

    @Test
    void allOperationsInOneMigrationReadBackEqual() throws IOException {
        Migration m = Samples.migration(Samples.everyOperation().toArray(new Operation[0]));
        String text = writer.write(m);
        assertEquals(withLocation(m), read(text, m.id()));
    }

    @Test
    void defaultsAreLeftOutAndHeaderIsComplete() throws IOException {
        Migration m = new Migration("20261124_120000_empty", null, null, List.of(
                new AddColumn("t", Column.of("c", "integer"))));
        String text = writer.write(m);
        assertEquals("{\n"
                + "  \"format\": 1,\n"
                + "  \"id\": \"20261124_120000_empty\",\n"
                + "  \"app\": \"default\",\n"
                + "  \"dependencies\": [],\n"
                + "  \"operations\": [\n"
                + "    {\n"
                + "      \"op\": \"AddColumn\",\n"
                + "      \"table\": \"t\",\n"
                + "      \"column\": {\"name\": \"c\", \"type\": \"integer\"}\n"
                + "    }\n"
                + "  ]\n"
                + "}\n", text);
        assertEquals(withLocation(m), read(text, m.id()));
    }

    @Test
    void reverseSqlAbsentAndEmptyStayDistinct() throws IOException {
        String irreversible = writer.write(Samples.migration(RunSQL.of("SELECT 1", null)));
        String nothingToUndo = writer.write(Samples.migration(new RunSQL(List.of("SELECT 1"),
                List.of())));
        assertFalse(irreversible.contains("reverseSql"));
        assertTrue(nothingToUndo.contains("\"reverseSql\": []"));
    }

    @Test
    void sqlMayBeASingleString() throws IOException {
        String text = "{\"format\": 1, \"id\": \"20261124_120000_s\", \"operations\": ["
                + "{\"op\": \"RunSQL\", \"sql\": \"SELECT 1\", \"reverseSql\": \"SELECT 2\"}]}";
        Migration m = read(text, "20261124_120000_s");
        assertEquals(RunSQL.of("SELECT 1", "SELECT 2"), m.operations().get(0));
        assertEquals(Migration.DEFAULT_APP, m.app());
        assertEquals(List.of(), m.dependencies());
    }

    @Test
    void longLinesAreExpandedAndShortOnesKeptOnOneLine() {
        String longSql = "UPDATE people SET about = 'a rather long literal that will not fit on one line' WHERE 1=1";
        String text = writer.write(Samples.migration(new RunSQL(List.of(longSql), null),
                new RenameTable("a", "b")));
        assertTrue(text.contains("    {\"op\": \"RenameTable\", \"from\": \"a\", \"to\": \"b\"}\n"), text);
        assertTrue(text.contains("      \"sql\": [\n        \"" + longSql + "\"\n      ]\n"), text);
        for (String line : text.split("\n")) {
            assertTrue(line.length() <= JsonPrinter.WIDTH || line.strip().startsWith("\"UPDATE"), line);
        }
    }

    private Migration read(String text, String stem) throws IOException {
        return source.read("mem/" + stem + ".json", stem,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Migration withLocation(Migration m) {
        return new Migration(m.id(), m.app(), m.dependencies(), m.operations(), "mem/" + m.id() + ".json");
    }
}
