package covet.writer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.ObjectKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/migration.schema.json names exactly the fields the reader knows, for every operation, table part and object
 * kind, so that the JSON Schema cannot fall behind the format. (That it validates the fixtures is checked by hand
 * with a draft 2020-12 validator; see docs/migration-format.md.)
 */
class JsonSchemaDocumentTest {
    private static Node.Obj defs;

    @BeforeAll
    static void load() throws IOException {
        Path file = Path.of("..", "docs", "migration.schema.json");
        Node.Obj root = (Node.Obj) JsonTreeParser.parse(Files.readString(file));
        defs = (Node.Obj) root.get("$defs");
    }

    @Test
    void formatEnumEndsAtTheCurrentFormat() {
        List<String> formats = ((Node.Arr) obj("format").get("enum")).items().stream()
                .map(n -> ((Node.Num) n).text()).toList();
        assertEquals(List.of("1", Integer.toString(FormatVersion.CURRENT)), formats);
    }

    @Test
    void everyOperationWithItsFields() {
        Set<String> ops = strings(((Node.Obj) properties("operation").get("op")).get("enum"));
        assertEquals(OperationReader.kinds(), ops);
        for (String op : ops) {
            assertEquals(Set.copyOf(OperationReader.fields(op)), keys(properties(op)), op);
        }
    }

    @Test
    void everyTablePartWithItsFields() {
        assertEquals(Set.copyOf(ModelReader.TABLE), keys(properties("table")));
        assertEquals(Set.copyOf(ModelReader.COLUMN), keys(properties("column")));
        assertEquals(Set.copyOf(ModelReader.PRIMARY_KEY), keys(properties("primaryKey")));
        assertEquals(Set.copyOf(ModelReader.UNIQUE), keys(properties("unique")));
        assertEquals(Set.copyOf(ModelReader.INDEX), keys(properties("index")));
        Node.Obj keyPart = (Node.Obj) ((Node.Arr) obj("indexColumn").get("oneOf")).items().get(1);
        assertEquals(Set.copyOf(ModelReader.INDEX_COLUMN), keys((Node.Obj) keyPart.get("properties")));
        assertEquals(Set.copyOf(ModelReader.FOREIGN_KEY), keys(properties("foreignKey")));
        assertEquals(Set.copyOf(ModelReader.CHECK), keys(properties("check")));
        assertEquals(Set.copyOf(ModelReader.EXCLUSION), keys(properties("exclusion")));
        assertEquals(Set.copyOf(ModelReader.PARTITION), keys(properties("partition")));
        assertEquals(Set.copyOf(JsonSchemaFile.FIELDS), keys(properties("schemaFile")));
    }

    @Test
    void everyObjectKindWithItsFields() {
        Set<String> kinds = strings(((Node.Obj) properties("schemaObject").get("kind")).get("enum"));
        assertEquals(Arrays.stream(ObjectKind.values()).map(ObjectKind::spelling).collect(Collectors.toSet()),
                kinds);
        for (ObjectKind kind : ObjectKind.values()) {
            String def = switch (kind) {
                case FUNCTION, PROCEDURE -> "routine";
                case MATERIALIZED_VIEW -> "materializedView";
                case VIRTUAL_TABLE, EVENT -> "view";
                default -> kind.spelling();
            };
            assertEquals(Set.copyOf(ObjectReader.fields(kind)), keys(properties(def)), kind.spelling());
        }
        assertTrue(keys(properties("extension")).contains("schema"));
    }

    private static Node.Obj obj(String def) {
        return (Node.Obj) defs.get(def);
    }

    private static Node.Obj properties(String def) {
        return (Node.Obj) obj(def).get("properties");
    }

    private static Set<String> keys(Node.Obj object) {
        return object.members().stream().map(Node.Member::key).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> strings(Node array) {
        return ((Node.Arr) array).items().stream().map(n -> ((Node.Str) n).value())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
