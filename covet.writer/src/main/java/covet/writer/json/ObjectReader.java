package covet.writer.json;

import covet.api.model.Check;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Event;
import covet.api.model.Extension;
import covet.api.model.Index;
import covet.api.model.MaterializedView;
import covet.api.model.Namespace;
import covet.api.model.ObjectKind;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps one named object ({@code {"kind": "enum", "name": ..., "values": [...]}}) to its model record. The
 * {@code kind} is the {@link ObjectKind#spelling() spelling}; each kind has its own fields besides the common
 * {@code kind}, {@code name}, {@code comment} and {@code dependsOn}. A trigger's {@code name} is its own name
 * within {@code table}.
 */
final class ObjectReader {
    static final String KIND = "kind";
    static final List<String> ATTRIBUTE = List.of("name", "type", "collation");

    private static final String KNOWN = Arrays.stream(ObjectKind.values()).map(ObjectKind::spelling)
            .collect(Collectors.joining(", "));

    /** The fields of one kind, in the order the writer puts them, and how its record is built. */
    private record Shape(List<String> fields, Function<Fields, SchemaObject> read) {
    }

    private ObjectReader() {
    }

    static SchemaObject read(Node node, String path) {
        if (!(node instanceof Node.Obj)) {
            throw Fields.wrongType(node, path, "an object");
        }
        Node kindNode = ((Node.Obj) node).get(KIND);
        if (kindNode == null) {
            throw new JsonReadException(node.at(), Paths.at(path, "missing field '" + KIND + "'"));
        }
        String spelling = Fields.asString(kindNode, Paths.field(path, KIND));
        ObjectKind kind = Arrays.stream(ObjectKind.values()).filter(k -> k.spelling().equals(spelling))
                .findFirst().orElseThrow(() -> new JsonReadException(kindNode.at(), Paths.at(
                        Paths.field(path, KIND), "unknown object kind '" + spelling + "' (known: " + KNOWN + ")")));
        Shape shape = shape(kind);
        return shape.read().apply(Fields.of(node, path, path + " (" + spelling + ")", shape.fields()));
    }

    /** The fields of each kind, for messages and the writer's order; tests check both sides agree. */
    static List<String> fields(ObjectKind kind) {
        return shape(kind).fields();
    }

    private static Shape shape(ObjectKind kind) {
        return switch (kind) {
            case NAMESPACE -> shape(f -> f.build(() -> new Namespace(f.string("name"), f.optionalString("comment"),
                    f.optionalStrings("dependsOn"))));
            case EXTENSION -> shape(f -> {
                String name = f.string("name");
                String schema = f.optionalString("schema");
                return f.build(() -> new Extension(name, schema, f.optionalString("comment"),
                        f.optionalStrings("dependsOn")));
            }, "schema");
            case ENUM -> shape(f -> {
                String name = f.string("name");
                List<String> values = f.strings("values");
                return f.build(() -> new EnumType(name, values, f.optionalString("comment"),
                        f.optionalStrings("dependsOn")));
            }, "values");
            case COMPOSITE -> shape(f -> {
                String name = f.string("name");
                List<CompositeType.Attribute> attributes = ModelReader.list(f.array("attributes"),
                        f.path("attributes"), ObjectReader::attribute);
                return f.build(() -> new CompositeType(name, attributes, f.optionalString("comment"),
                        f.optionalStrings("dependsOn")));
            }, "attributes");
            case DOMAIN -> shape(ObjectReader::domain, "baseType", "notNull", "default", "collation", "checks");
            case SEQUENCE -> shape(ObjectReader::sequence, "dataType", "start", "increment", "minValue",
                    "maxValue", "cache", "cycle", "ownedBy");
            case FUNCTION, PROCEDURE -> shape(f -> {
                String name = f.string("name");
                String definition = f.string("definition");
                return f.build(() -> new Routine(name, kind == ObjectKind.PROCEDURE, definition,
                        f.optionalString("comment"), f.optionalStrings("dependsOn")));
            }, "definition");
            case VIEW -> shape(f -> {
                String name = f.string("name");
                String definition = f.string("definition");
                return f.build(() -> new View(name, definition, f.optionalString("comment"),
                        f.optionalStrings("dependsOn")));
            }, "definition");
            case MATERIALIZED_VIEW -> shape(f -> {
                String name = f.string("name");
                String definition = f.string("definition");
                boolean withData = f.optionalBoolean("withData", true);
                List<Index> indexes = ModelReader.list(f.optionalArray("indexes"), f.path("indexes"),
                        ModelReader::index);
                return f.build(() -> new MaterializedView(name, definition, withData, indexes,
                        f.optionalString("comment"), f.optionalStrings("dependsOn")));
            }, "definition", "withData", "indexes");
            case TRIGGER -> triggerShape();
            case VIRTUAL_TABLE -> shape(f -> {
                String name = f.string("name");
                String definition = f.string("definition");
                return f.build(() -> new VirtualTable(name, definition, f.optionalString("comment"),
                        f.optionalStrings("dependsOn")));
            }, "definition");
            case EVENT -> shape(f -> {
                String name = f.string("name");
                String definition = f.string("definition");
                return f.build(() -> new Event(name, definition, f.optionalString("comment"),
                        f.optionalStrings("dependsOn")));
            }, "definition");
        };
    }

    /** A trigger names its table before its own name, as the statement that creates it does. */
    private static Shape triggerShape() {
        return new Shape(List.of(KIND, "table", "name", "comment", "definition", "dependsOn"), f -> {
            String table = f.string("table");
            String name = f.string("name");
            String definition = f.string("definition");
            return f.build(() -> new Trigger(table, name, definition, f.optionalString("comment"),
                    f.optionalStrings("dependsOn")));
        });
    }

    private static Shape shape(Function<Fields, SchemaObject> read, String... own) {
        List<String> fields = new ArrayList<>(List.of(KIND, "name", "comment"));
        fields.addAll(List.of(own));
        fields.add("dependsOn");
        return new Shape(List.copyOf(fields), read);
    }

    private static Domain domain(Fields f) {
        String name = f.string("name");
        String baseType = f.string("baseType");
        boolean notNull = f.optionalBoolean("notNull", false);
        String defaultValue = f.optionalString("default");
        String collation = f.optionalString("collation");
        List<Check> checks = ModelReader.list(f.optionalArray("checks"), f.path("checks"), ModelReader::check);
        return f.build(() -> new Domain(name, baseType, notNull, defaultValue, collation, checks,
                f.optionalString("comment"), f.optionalStrings("dependsOn")));
    }

    private static Sequence sequence(Fields f) {
        String name = f.string("name");
        String dataType = f.optionalString("dataType");
        Long start = f.optionalLong("start");
        Long increment = f.optionalLong("increment");
        Long minValue = f.optionalLong("minValue");
        Long maxValue = f.optionalLong("maxValue");
        Long cache = f.optionalLong("cache");
        boolean cycle = f.optionalBoolean("cycle", false);
        String ownedBy = f.optionalString("ownedBy");
        return f.build(() -> new Sequence(name, dataType, start, increment, minValue, maxValue, cache, cycle,
                ownedBy, f.optionalString("comment"), f.optionalStrings("dependsOn")));
    }

    private static CompositeType.Attribute attribute(Node node, String path) {
        Fields f = Fields.of(node, path, ATTRIBUTE);
        String name = f.string("name");
        String type = f.string("type");
        String collation = f.optionalString("collation");
        return f.build(() -> new CompositeType.Attribute(name, type, collation));
    }
}
