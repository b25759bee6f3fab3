package covet.writer.json;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Maps the table vocabulary (tables, columns, keys, indexes, constraints, partitions) from located JSON to the model
 * records. Shared by the migration format and the schema file. Field names are the record components, except a
 * column's {@code default} (the component is {@code defaultValue}) and a foreign key's {@code references} object.
 * Fields format 2 added come last in each list, so that messages list the old ones first.
 */
final class ModelReader {
    static final List<String> TABLE = List.of("name", "columns", "primaryKey", "uniques", "indexes", "foreignKeys",
            "checks", "comment", "exclusions", "partitionBy", "partitionOf", "options");
    static final List<String> COLUMN = List.of("name", "type", "nullable", "default", "autoIncrement", "comment",
            "identity", "generated", "collation");
    static final List<String> PRIMARY_KEY = List.of("name", "columns", "comment");
    static final List<String> UNIQUE = List.of("name", "columns", "deferrable", "initiallyDeferred",
            "nullsNotDistinct", "comment");
    static final List<String> INDEX = List.of("name", "columns", "unique", "where", "method", "include",
            "nullsNotDistinct", "comment");
    static final List<String> INDEX_COLUMN = List.of("name", "expression", "descending", "nulls", "opclass");
    static final List<String> FOREIGN_KEY = List.of("name", "columns", "references", "onDelete", "onUpdate",
            "deferrable", "initiallyDeferred", "notValid", "onDeleteSetColumns", "comment");
    static final List<String> REFERENCES = List.of("table", "columns");
    static final List<String> CHECK = List.of("name", "expression", "notValid", "comment");
    static final List<String> EXCLUSION = List.of("name", "definition", "comment");
    static final List<String> PARTITION = List.of("parent", "bound");

    private static final String ACTIONS = Arrays.stream(ReferentialAction.values()).map(ReferentialAction::sql)
            .collect(Collectors.joining(", "));

    private ModelReader() {
    }

    static Table table(Node node, String path) {
        Fields f = Fields.of(node, path, TABLE);
        String name = f.string("name");
        List<Column> columns = list(f.array("columns"), f.path("columns"), ModelReader::column);
        Node pk = f.optional("primaryKey");
        PrimaryKey primaryKey = pk == null ? null : primaryKey(pk, f.path("primaryKey"));
        List<UniqueConstraint> uniques = list(f.optionalArray("uniques"), f.path("uniques"), ModelReader::unique);
        List<Index> indexes = list(f.optionalArray("indexes"), f.path("indexes"), ModelReader::index);
        List<ForeignKey> foreignKeys = list(f.optionalArray("foreignKeys"), f.path("foreignKeys"),
                ModelReader::foreignKey);
        List<Check> checks = list(f.optionalArray("checks"), f.path("checks"), ModelReader::check);
        String comment = f.optionalString("comment");
        List<Exclusion> exclusions = list(f.optionalArray("exclusions"), f.path("exclusions"),
                ModelReader::exclusion);
        String partitionBy = f.optionalString("partitionBy");
        Node of = f.optional("partitionOf");
        Partition partitionOf = of == null ? null : partition(of, f.path("partitionOf"));
        Map<String, String> options = f.optionalStringMap("options");
        return f.build(() -> new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment,
                exclusions, partitionBy, partitionOf, options));
    }

    static Column column(Node node, String path) {
        Fields f = Fields.of(node, path, COLUMN);
        String name = f.string("name");
        ColumnType type = columnType(f.required("type"), f.path("type"));
        boolean nullable = f.optionalBoolean("nullable", true);
        Node dflt = f.optional("default");
        if (dflt != null && !(dflt instanceof Node.Str)) {
            throw new JsonReadException(dflt.at(), Paths.at(f.path("default"), "expected a string, found "
                    + dflt.describe() + " (a default is SQL text: write \"0\", \"'draft'\", \"CURRENT_TIMESTAMP\")"));
        }
        String defaultValue = dflt == null ? null : ((Node.Str) dflt).value();
        boolean autoIncrement = f.optionalBoolean("autoIncrement", false);
        String comment = f.optionalString("comment");
        Identity identity = identity(f);
        String generated = f.optionalString("generated");
        String collation = f.optionalString("collation");
        return f.build(() -> new Column(name, type, nullable, defaultValue, autoIncrement, comment, identity,
                generated, collation));
    }

    private static Identity identity(Fields f) {
        String spelling = f.optionalString("identity");
        if (spelling == null) {
            return null;
        }
        try {
            // any case, and a space for the underscore, as the SQL words are written
            return Identity.fromSpelling(spelling.strip().toLowerCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new JsonReadException(f.optional("identity").at(), Paths.at(f.path("identity"),
                    "unknown identity '" + spelling + "' (known: always, by_default)"));
        }
    }

    private static ColumnType columnType(Node node, String path) {
        String text = Fields.asString(node, path);
        try {
            return ColumnType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new JsonReadException(node.at(), Paths.at(path, e.getMessage()));
        }
    }

    static PrimaryKey primaryKey(Node node, String path) {
        Fields f = Fields.of(node, path, PRIMARY_KEY);
        String name = f.optionalString("name");
        List<String> columns = f.strings("columns");
        String comment = f.optionalString("comment");
        return f.build(() -> new PrimaryKey(name, columns, comment));
    }

    static UniqueConstraint unique(Node node, String path) {
        Fields f = Fields.of(node, path, UNIQUE);
        String name = f.string("name");
        List<String> columns = f.strings("columns");
        boolean deferrable = f.optionalBoolean("deferrable", false);
        boolean initiallyDeferred = f.optionalBoolean("initiallyDeferred", false);
        boolean nullsNotDistinct = f.optionalBoolean("nullsNotDistinct", false);
        String comment = f.optionalString("comment");
        return f.build(() -> new UniqueConstraint(name, columns, deferrable, initiallyDeferred, nullsNotDistinct,
                comment));
    }

    static Index index(Node node, String path) {
        Fields f = Fields.of(node, path, INDEX);
        String name = f.string("name");
        List<IndexColumn> columns = list(f.array("columns"), f.path("columns"), ModelReader::indexColumn);
        boolean unique = f.optionalBoolean("unique", false);
        String where = f.optionalString("where");
        String method = method(f.optionalString("method"));
        List<String> include = f.optionalStrings("include");
        boolean nullsNotDistinct = f.optionalBoolean("nullsNotDistinct", false);
        String comment = f.optionalString("comment");
        return f.build(() -> new Index(name, columns, unique, where, method, include, nullsNotDistinct, comment));
    }

    /** Access methods are case-insensitive names; btree is the default and is kept as null, as introspected. */
    private static String method(String method) {
        if (method == null) {
            return null;
        }
        String lower = method.toLowerCase(Locale.ROOT);
        return lower.equals("btree") ? null : lower;
    }

    /** A plain column name, or {@code {"name"|"expression": ..., "descending": true}}. */
    static IndexColumn indexColumn(Node node, String path) {
        if (node instanceof Node.Str) {
            String column = ((Node.Str) node).value();
            if (column.isBlank()) {
                throw new JsonReadException(node.at(), Paths.at(path, "an index column name must not be blank"));
            }
            return IndexColumn.of(column);
        }
        if (!(node instanceof Node.Obj)) {
            throw Fields.wrongType(node, path, "a column name or an object");
        }
        Fields f = Fields.of(node, path, INDEX_COLUMN);
        String name = f.optionalString("name");
        String expression = f.optionalString("expression");
        boolean descending = f.optionalBoolean("descending", false);
        String nulls = f.optionalString("nulls");
        if (nulls != null) {
            nulls = nulls.toLowerCase(Locale.ROOT);
            if (!nulls.equals("first") && !nulls.equals("last")) {
                throw new JsonReadException(f.optional("nulls").at(), Paths.at(f.path("nulls"), "expected first"
                        + " or last, found '" + f.optionalString("nulls") + "'"));
            }
        }
        String sortNulls = nulls;
        String opclass = f.optionalString("opclass");
        return f.build(() -> new IndexColumn(name, expression, descending, sortNulls, opclass));
    }

    static ForeignKey foreignKey(Node node, String path) {
        Fields f = Fields.of(node, path, FOREIGN_KEY);
        String name = f.string("name");
        List<String> columns = f.strings("columns");
        Fields references = Fields.of(f.required("references"), f.path("references"), REFERENCES);
        String table = references.string("table");
        List<String> referencedColumns = references.strings("columns");
        ReferentialAction onDelete = action(f, "onDelete");
        ReferentialAction onUpdate = action(f, "onUpdate");
        boolean deferrable = f.optionalBoolean("deferrable", false);
        boolean initiallyDeferred = f.optionalBoolean("initiallyDeferred", false);
        boolean notValid = f.optionalBoolean("notValid", false);
        List<String> onDeleteSetColumns = f.optionalStrings("onDeleteSetColumns");
        String comment = f.optionalString("comment");
        return f.build(() -> new ForeignKey(name, columns, table, referencedColumns, onDelete, onUpdate, deferrable,
                initiallyDeferred, notValid, onDeleteSetColumns, comment));
    }

    private static ReferentialAction action(Fields f, String key) {
        String word = f.optionalString(key);
        if (word == null) {
            return null;
        }
        ReferentialAction action = ReferentialAction.parse(word);
        if (action == null) {
            throw new JsonReadException(f.optional(key).at(), Paths.at(f.path(key), "unknown referential action '"
                    + word + "' (known: " + ACTIONS + ")"));
        }
        return action;
    }

    static Check check(Node node, String path) {
        Fields f = Fields.of(node, path, CHECK);
        String name = f.string("name");
        String expression = f.string("expression");
        boolean notValid = f.optionalBoolean("notValid", false);
        String comment = f.optionalString("comment");
        return f.build(() -> new Check(name, expression, notValid, comment));
    }

    static Exclusion exclusion(Node node, String path) {
        Fields f = Fields.of(node, path, EXCLUSION);
        String name = f.string("name");
        String definition = f.string("definition");
        String comment = f.optionalString("comment");
        return f.build(() -> new Exclusion(name, definition, comment));
    }

    static Partition partition(Node node, String path) {
        Fields f = Fields.of(node, path, PARTITION);
        String parent = f.string("parent");
        String bound = f.string("bound");
        return f.build(() -> new Partition(parent, bound));
    }

    static <T> List<T> list(List<Node> items, String path, BiFunction<Node, String, T> reader) {
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(reader.apply(items.get(i), Paths.item(path, i)));
        }
        return out;
    }
}
