package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Format 2 is only declared where a file needs it, format 1 files read as they always did, and what they read
 * holds nothing format 2 added: their content (and so the engine's checksum over it) is unchanged.
 */
class FormatVersionTest {
    /** The record components format 2 added; an old file must leave every one at its default. */
    private static final Set<String> FORMAT_2_COMPONENTS = Set.of("identity", "generated", "collation", "method",
            "include", "nullsNotDistinct", "nulls", "opclass", "deferrable", "initiallyDeferred", "notValid",
            "exclusions", "partitionBy", "partitionOf", "options", "onDeleteSetColumns");
    /** Format 1 had comments on tables and columns only; on these records they are format 2. */
    private static final Set<Class<?>> FORMAT_2_COMMENTS = Set.of(Index.class, covet.api.model.PrimaryKey.class,
            UniqueConstraint.class, ForeignKey.class, covet.api.model.Check.class, covet.api.model.Exclusion.class);

    private final JsonMigrationWriter writer = new JsonMigrationWriter();

    static Stream<Operation> format1() {
        return Samples.format1Operations().stream();
    }

    static Stream<Operation> format2() {
        return Samples.format2Operations().stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("format1")
    void whatFormat1CouldSayIsWrittenAsFormat1(Operation op) {
        assertTrue(writer.write(Samples.migration(op)).startsWith("{\n  \"format\": 1,\n"));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("format2")
    void whatOnlyFormat2CanSayIsWrittenAsFormat2(Operation op) {
        assertTrue(writer.write(Samples.migration(op)).startsWith("{\n  \"format\": 2,\n"));
    }

    @Test
    void eachNewFieldAloneRaisesTheFormat() {
        Column c = Column.of("c", "integer");
        Table t = Table.of("t", List.of(c), null);
        List<Table> one = List.of(
                t.withColumns(List.of(c.withAutoIncrement(true).withIdentity(covet.api.model.Identity.BY_DEFAULT))),
                t.withColumns(List.of(c.withGenerated("1"))),
                t.withColumns(List.of(c.withCollation("C"))),
                t.withIndexes(List.of(Index.on("i", "c").withMethod("hash"))),
                t.withIndexes(List.of(Index.on("i", "c").withInclude(List.of("c")))),
                t.withIndexes(List.of(new Index("i", List.of(IndexColumn.of("c")), true, null, null, null, true))),
                t.withIndexes(List.of(new Index("i", List.of(new IndexColumn("c", null, false, "first", null)),
                        false, null))),
                t.withIndexes(List.of(new Index("i", List.of(new IndexColumn("c", null, false, null, "int4_ops")),
                        false, null))),
                t.withForeignKeys(List.of(ForeignKey.of("f", "c", "u", "id").withTiming(true, false))),
                t.withForeignKeys(List.of(ForeignKey.of("f", "c", "u", "id").withNotValid(true))),
                t.withUniques(List.of(new UniqueConstraint("u", List.of("c"), false, false, true))),
                t.withChecks(List.of(new covet.api.model.Check("k", "c > 0", true))),
                t.withExclusions(List.of(new covet.api.model.Exclusion("x", "EXCLUDE (c WITH =)"))),
                t.withPartitionBy("LIST (c)"),
                t.withPartitionOf(new covet.api.model.Partition("p", "DEFAULT")),
                t.withOptions(Map.of("unlogged", "true")),
                t.withIndexes(List.of(Index.on("i", "c").withComment("x"))),
                t.withPrimaryKey(covet.api.model.PrimaryKey.of("c").withComment("x")),
                t.withUniques(List.of(new UniqueConstraint("u", List.of("c")).withComment("x"))),
                t.withForeignKeys(List.of(ForeignKey.of("f", "c", "u", "id").withComment("x"))),
                t.withForeignKeys(List.of(ForeignKey.of("f", "c", "u", "id")
                        .onDelete(covet.api.model.ReferentialAction.SET_NULL).withOnDeleteSetColumns(List.of("c")))),
                t.withChecks(List.of(new covet.api.model.Check("k", "c > 0").withComment("x"))),
                t.withExclusions(List.of(new covet.api.model.Exclusion("x", "EXCLUDE (c WITH =)", "x"))));
        for (Table table : one) {
            String text = writer.write(Samples.migration(new CreateTable(table)));
            assertTrue(text.startsWith("{\n  \"format\": 2,\n"), text);
        }
        assertTrue(writer.write(Samples.migration(new CreateTable(t))).startsWith("{\n  \"format\": 1,\n"));
    }

    @Test
    void aCommentIsFormat1OnTablesAndColumnsOnly() {
        Column c = Column.of("c", "integer").withComment("a column");
        Table t = Table.of("t", List.of(c), null).withComment("a table");
        Index commented = Index.on("i", "c").withComment("an index");
        for (Operation op : List.<Operation>of(new CreateTable(t), new covet.api.operation.DropTable("t", t),
                new covet.api.operation.AddColumn("t", c), new covet.api.operation.DropColumn("t", "c", c),
                new covet.api.operation.AlterColumn("t", c.withComment("b"), c))) {
            assertTrue(writer.write(Samples.migration(op)).startsWith("{\n  \"format\": 1,\n"), op.toString());
        }
        for (Operation op : List.<Operation>of(new covet.api.operation.CreateIndex("t", commented),
                new covet.api.operation.DropIndex("t", "i", commented),
                new covet.api.operation.DropTable("t", t.withIndexes(List.of(commented))),
                new covet.api.operation.DropCheck("t", "k", new covet.api.model.Check("k", "c > 0", false, "x")))) {
            assertTrue(writer.write(Samples.migration(op)).startsWith("{\n  \"format\": 2,\n"), op.toString());
        }
    }

    @Test
    void btreeIsTheDefaultMethodAndStaysFormat1() throws IOException {
        String text = "{\"format\": 1, \"id\": \"20261124_120000_b\", \"operations\": [{\"op\": \"CreateIndex\","
                + " \"table\": \"t\", \"index\": {\"name\": \"i\", \"method\": \"BTREE\", \"columns\": [\"c\"]}}]}";
        Migration m = read(text);
        assertEquals(Index.on("i", "c"), ((covet.api.operation.CreateIndex) m.operations().get(0)).index());
        assertTrue(writer.write(m).startsWith("{\n  \"format\": 1,\n"));
    }

    @Test
    void explicitFormat2DefaultsReadAsAbsentOnes() throws IOException {
        String column = "{\"name\": \"c\", \"type\": \"integer\", \"identity\": null, \"generated\": null,"
                + " \"collation\": null}";
        String index = "{\"name\": \"i\", \"method\": \"btree\", \"include\": [], \"nullsNotDistinct\": false,"
                + " \"columns\": [{\"name\": \"c\", \"nulls\": null, \"opclass\": null}]}";
        String text = "{\"format\": 2, \"id\": \"20261124_120000_b\", \"operations\": [{\"op\": \"CreateTable\","
                + " \"table\": {\"name\": \"t\", \"columns\": [" + column + "], \"indexes\": [" + index + "],"
                + " \"exclusions\": [], \"options\": {}, \"partitionBy\": null, \"partitionOf\": null}}]}";
        Table t = Table.of("t", List.of(Column.of("c", "integer")), null).withIndexes(List.of(Index.on("i", "c")));
        assertEquals(List.of(new CreateTable(t)), read(text).operations());
        assertTrue(writer.write(read(text)).startsWith("{\n  \"format\": 1,\n"), "nothing of format 2 is left");
    }

    @Test
    void format1FixtureReadsWithEveryNewComponentAtItsDefault() throws IOException {
        Migration old = Fixtures.read("canonical");
        List<String> set = new ArrayList<>();
        for (Operation op : old.operations()) {
            newComponentsInUse(op, set);
        }
        assertEquals(List.of(), set, "format 2 components set by reading a format 1 file");
        assertEquals(Fixtures.text("canonical"), writer.write(old), "and it is written back as it was");
    }

    @Test
    void aFormat2FileMayStillSayFormat1() throws IOException {
        // the number is for older readers; this one reads every field it knows
        String text = "{\"format\": 1, \"id\": \"20261124_120000_b\", \"operations\": [{\"op\": \"CreateObject\","
                + " \"object\": {\"kind\": \"enum\", \"name\": \"e\", \"values\": [\"a\"]}}]}";
        assertEquals(1, read(text).operations().size());
    }

    /** Record components (recursively) that hold anything but null, false, an empty list or an empty map. */
    private static void newComponentsInUse(Object value, List<String> found) {
        if (value instanceof Collection<?> c) {
            c.forEach(v -> newComponentsInUse(v, found));
        } else if (value instanceof Record r) {
            for (RecordComponent rc : r.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = rc.getAccessor().invoke(r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                boolean isDefault = v == null || Boolean.FALSE.equals(v)
                        || (v instanceof Collection<?> c && c.isEmpty()) || (v instanceof Map<?, ?> m && m.isEmpty());
                boolean format2 = FORMAT_2_COMPONENTS.contains(rc.getName())
                        || rc.getName().equals("comment") && FORMAT_2_COMMENTS.contains(r.getClass());
                if (format2 && !isDefault) {
                    found.add(r.getClass().getSimpleName() + "." + rc.getName());
                }
                newComponentsInUse(v, found);
            }
        }
    }

    private static Migration read(String text) throws IOException {
        return new JsonMigrationSource().read("mem.json", null,
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
