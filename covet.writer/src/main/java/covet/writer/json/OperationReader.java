package covet.writer.json;

import covet.api.model.Column;
import covet.api.model.Table;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunJava;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Maps one {@code {"op": "...", ...}} entry to its operation record. The table of kinds below is checked against
 * the sealed family by a test (the writer side is checked by the compiler through the visitor).
 */
final class OperationReader {
    private static final String OP = "op";

    /** The fields of one kind (besides "op") and how its record is built from them. */
    private record Kind(List<String> fields, Function<Fields, Operation> read) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        kind("CreateTable", f -> new CreateTable(model(f, "table", ModelReader::table)), "table");
        kind("DropTable", f -> {
            String name = f.string("name");
            Table definition = optionalModel(f, "definition", ModelReader::table);
            return f.build(() -> new DropTable(name, definition));
        }, "name", "definition");
        kind("AddColumn", f -> {
            String table = f.string("table");
            Column column = model(f, "column", ModelReader::column);
            return f.build(() -> new AddColumn(table, column));
        }, "table", "column");
        kind("DropColumn", f -> {
            String table = f.string("table");
            String name = f.string("name");
            Column definition = optionalModel(f, "definition", ModelReader::column);
            return f.build(() -> new DropColumn(table, name, definition));
        }, "table", "name", "definition");
        kind("AlterColumn", f -> {
            String table = f.string("table");
            Column column = model(f, "column", ModelReader::column);
            Column previous = optionalModel(f, "previous", ModelReader::column);
            return f.build(() -> new AlterColumn(table, column, previous));
        }, "table", "column", "previous");
        kind("RenameTable", f -> {
            String from = f.string("from");
            String to = f.string("to");
            return f.build(() -> new RenameTable(from, to));
        }, "from", "to");
        kind("RenameColumn", f -> {
            String table = f.string("table");
            String from = f.string("from");
            String to = f.string("to");
            return f.build(() -> new RenameColumn(table, from, to));
        }, "table", "from", "to");
        kind("CreateIndex", f -> {
            String table = f.string("table");
            var index = model(f, "index", ModelReader::index);
            boolean concurrently = f.optionalBoolean("concurrently", false);
            return f.build(() -> new CreateIndex(table, index, concurrently));
        }, "table", "index", "concurrently");
        kind("DropIndex", f -> {
            String table = f.string("table");
            String name = f.string("name");
            var definition = optionalModel(f, "definition", ModelReader::index);
            boolean concurrently = f.optionalBoolean("concurrently", false);
            return f.build(() -> new DropIndex(table, name, definition, concurrently));
        }, "table", "name", "definition", "concurrently");
        kind("AddForeignKey", f -> {
            String table = f.string("table");
            var foreignKey = model(f, "foreignKey", ModelReader::foreignKey);
            return f.build(() -> new AddForeignKey(table, foreignKey));
        }, "table", "foreignKey");
        kind("DropForeignKey", f -> {
            String table = f.string("table");
            String name = f.string("name");
            var definition = optionalModel(f, "definition", ModelReader::foreignKey);
            return f.build(() -> new DropForeignKey(table, name, definition));
        }, "table", "name", "definition");
        kind("AddUniqueConstraint", f -> {
            String table = f.string("table");
            var unique = model(f, "unique", ModelReader::unique);
            return f.build(() -> new AddUniqueConstraint(table, unique));
        }, "table", "unique");
        kind("DropUniqueConstraint", f -> {
            String table = f.string("table");
            String name = f.string("name");
            var definition = optionalModel(f, "definition", ModelReader::unique);
            return f.build(() -> new DropUniqueConstraint(table, name, definition));
        }, "table", "name", "definition");
        kind("AddCheck", f -> {
            String table = f.string("table");
            var check = model(f, "check", ModelReader::check);
            return f.build(() -> new AddCheck(table, check));
        }, "table", "check");
        kind("DropCheck", f -> {
            String table = f.string("table");
            String name = f.string("name");
            var definition = optionalModel(f, "definition", ModelReader::check);
            return f.build(() -> new DropCheck(table, name, definition));
        }, "table", "name", "definition");
        kind("AddPrimaryKey", f -> {
            String table = f.string("table");
            var key = model(f, "key", ModelReader::primaryKey);
            return f.build(() -> new AddPrimaryKey(table, key));
        }, "table", "key");
        kind("DropPrimaryKey", f -> {
            String table = f.string("table");
            var definition = optionalModel(f, "definition", ModelReader::primaryKey);
            return f.build(() -> new DropPrimaryKey(table, definition));
        }, "table", "definition");
        kind("AddExclusion", f -> {
            String table = f.string("table");
            var exclusion = model(f, "exclusion", ModelReader::exclusion);
            return f.build(() -> new AddExclusion(table, exclusion));
        }, "table", "exclusion");
        kind("DropExclusion", f -> {
            String table = f.string("table");
            String name = f.string("name");
            var definition = optionalModel(f, "definition", ModelReader::exclusion);
            return f.build(() -> new DropExclusion(table, name, definition));
        }, "table", "name", "definition");
        kind("AlterTable", f -> {
            String table = f.string("table");
            String comment = f.optionalString("comment");
            Map<String, String> options = f.optionalStringMap("options");
            String previousComment = f.optionalString("previousComment");
            Map<String, String> previousOptions = f.nullableStringMap("previousOptions");
            return f.build(() -> new AlterTable(table, comment, options, previousComment, previousOptions));
        }, "table", "comment", "options", "previousComment", "previousOptions");
        kind("AlterComment", f -> {
            String table = f.string("table");
            AlterComment.Target target = target(f);
            String name = f.optionalString("name");
            String comment = f.optionalString("comment");
            String previousComment = f.optionalString("previousComment");
            return f.build(() -> new AlterComment(table, target, name, comment, previousComment));
        }, "table", "target", "name", "comment", "previousComment");
        kind("AttachPartition", f -> {
            String table = f.string("table");
            var partition = model(f, "partition", ModelReader::partition);
            return f.build(() -> new AttachPartition(table, partition));
        }, "table", "partition");
        kind("DetachPartition", f -> {
            String table = f.string("table");
            var partition = model(f, "partition", ModelReader::partition);
            return f.build(() -> new DetachPartition(table, partition));
        }, "table", "partition");
        kind("CreateObject", f -> new CreateObject(model(f, "object", ObjectReader::read)), "object");
        kind("DropObject", f -> new DropObject(model(f, "object", ObjectReader::read)), "object");
        kind("AlterObject", f -> {
            var object = model(f, "object", ObjectReader::read);
            var previous = optionalModel(f, "previous", ObjectReader::read);
            return f.build(() -> new AlterObject(object, previous));
        }, "object", "previous");
        kind("RunSQL", f -> {
            List<String> sql = f.stringOrStrings("sql");
            List<String> reverseSql = f.optionalStringOrStrings("reverseSql");
            return f.build(() -> new RunSQL(sql, reverseSql));
        }, "sql", "reverseSql");
        kind("RunJava", f -> {
            String className = f.string("className");
            int version = f.integer("version");
            boolean reversible = f.optionalBoolean("reversible", false);
            boolean down = f.optionalBoolean("down", false);
            return f.build(() -> new RunJava(className, version, reversible, down));
        }, "className", "version", "reversible", "down");
    }

    private OperationReader() {
    }

    /** The operation names this reader knows, in the order they are listed in messages. */
    static Set<String> kinds() {
        return Collections.unmodifiableSet(KINDS.keySet());
    }

    /** The fields of one operation kind, "op" first; for the test that holds the JSON Schema to the reader. */
    static List<String> fields(String kind) {
        return KINDS.get(kind).fields();
    }

    static Operation read(Node node, String path) {
        if (!(node instanceof Node.Obj)) {
            throw Fields.wrongType(node, path, "an object");
        }
        Node op = ((Node.Obj) node).get(OP);
        if (op == null) {
            throw new JsonReadException(node.at(), Paths.at(path, "missing field '" + OP + "'"));
        }
        String name = Fields.asString(op, Paths.field(path, OP));
        Kind kind = KINDS.get(name);
        if (kind == null) {
            throw new JsonReadException(op.at(), Paths.at(Paths.field(path, OP), "unknown operation '" + name
                    + "' (known: " + String.join(", ", KINDS.keySet()) + ")"));
        }
        return kind.read().apply(Fields.of(node, path, path + " (" + name + ")", kind.fields()));
    }

    private static void kind(String name, Function<Fields, Operation> read, String... fields) {
        List<String> known = new ArrayList<>();
        known.add(OP);
        known.addAll(List.of(fields));
        KINDS.put(name, new Kind(List.copyOf(known), read));
    }

    /** {@code index}, {@code primary_key} or {@code constraint}: any case, a space for the underscore. */
    private static AlterComment.Target target(Fields f) {
        String spelling = f.string("target");
        try {
            return AlterComment.Target.fromSpelling(spelling.strip().toLowerCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new JsonReadException(f.required("target").at(), Paths.at(f.path("target"),
                    "unknown comment target '" + spelling + "' (known: index, primary_key, constraint)"));
        }
    }

    private static <T> T model(Fields f, String key, BiFunction<Node, String, T> reader) {
        return reader.apply(f.required(key), f.path(key));
    }

    private static <T> T optionalModel(Fields f, String key, BiFunction<Node, String, T> reader) {
        Node value = f.optional(key);
        return value == null ? null : reader.apply(value, f.path(key));
    }
}
