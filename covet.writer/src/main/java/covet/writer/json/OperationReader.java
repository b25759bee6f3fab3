package covet.writer.json;

import covet.api.model.Column;
import covet.api.model.Table;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
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

    private static <T> T model(Fields f, String key, BiFunction<Node, String, T> reader) {
        return reader.apply(f.required(key), f.path(key));
    }

    private static <T> T optionalModel(Fields f, String key, BiFunction<Node, String, T> reader) {
        Node value = f.optional(key);
        return value == null ? null : reader.apply(value, f.path(key));
    }
}
