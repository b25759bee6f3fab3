package covet.writer.json;

import java.math.BigInteger;
import java.util.Set;

/**
 * The {@code "format"} number every Covet JSON file starts with. It is checked before anything else, so that a
 * file from a newer Covet says "upgrade" rather than stumbling on a field this version does not know.
 *
 * <p>Format 2 added named objects, the operations on them, primary keys, exclusions, partitions and table options,
 * and the new column, index and constraint fields. The writer declares the <em>lowest</em> format that holds what
 * it writes ({@link #lowest}): a file that uses nothing format 2 added still says format 1, so an older Covet keeps
 * reading it, and existing files are written back byte for byte. The reader accepts every field it knows whatever
 * format a file declares: the number is for older readers, which refuse what they do not know.
 */
final class FormatVersion {
    static final int CURRENT = 2;
    static final String FIELD = "format";

    /** Every field name format 1 had, in any object; frozen: a name outside it is format 2 vocabulary. */
    private static final Set<String> FORMAT_1_FIELDS = Set.of("format", "id", "app", "dependencies", "operations",
            "tables", "op", "name", "columns", "primaryKey", "uniques", "indexes", "foreignKeys", "checks", "comment",
            "type", "nullable", "default", "autoIncrement", "unique", "where", "expression", "descending",
            "references", "onDelete", "onUpdate", "table", "definition", "column", "previous", "from", "to", "index",
            "concurrently", "foreignKey", "check", "sql", "reverseSql", "className", "version", "reversible",
            "down");

    /** The operations format 1 had. */
    private static final Set<String> FORMAT_1_OPERATIONS = Set.of("CreateTable", "DropTable", "AddColumn",
            "DropColumn", "AlterColumn", "RenameTable", "RenameColumn", "CreateIndex", "DropIndex", "AddForeignKey",
            "DropForeignKey", "AddUniqueConstraint", "DropUniqueConstraint", "AddCheck", "DropCheck", "RunSQL",
            "RunJava");

    private FormatVersion() {
    }

    static void check(Node.Obj root) {
        Node value = root.get(FIELD);
        if (value == null) {
            throw new JsonReadException(root.at(), "missing field '" + FIELD + "' (this Covet writes \"" + FIELD
                    + "\": 1 or " + CURRENT + ")");
        }
        if (!(value instanceof Node.Num) || !((Node.Num) value).integral()) {
            throw Fields.wrongType(value, FIELD, "an integer");
        }
        BigInteger version = new BigInteger(((Node.Num) value).text());
        if (version.compareTo(BigInteger.valueOf(CURRENT)) > 0) {
            throw new JsonReadException(value.at(), "written in format " + version + "; this Covet reads formats 1"
                    + " to " + CURRENT + " — upgrade Covet");
        }
        if (version.signum() <= 0) {
            throw new JsonReadException(value.at(), Paths.at(FIELD, version + " is not a format version (this Covet"
                    + " reads formats 1 to " + CURRENT + ")"));
        }
    }

    /**
     * The lowest format that holds {@code root}: 1 when every field name and operation in it existed in format 1,
     * else the current one. Every format 2 addition is a new operation or a field name format 1 never had (an
     * object's own fields, which do reuse names, only appear under a format 2 operation or {@code objects}), so the
     * names alone decide, with one exception: {@code comment}, which format 1 had on tables and columns only and
     * format 2 added to indexes and constraints; there the place decides (see {@link #format1Comment}). The walk
     * stops at the first format 2 name, before the contents of e.g. an {@code options} map, whose keys are data.
     */
    static int lowest(Node root) {
        return onlyFormat1(root, null, null) ? 1 : CURRENT;
    }

    /** {@code key}: the field {@code node} is the value of (or an item of), null at the root; {@code op}: the
     * operation it is part of, null outside one. */
    private static boolean onlyFormat1(Node node, String key, String op) {
        if (node instanceof Node.Obj obj) {
            String ownOp = obj.get("op") instanceof Node.Str s ? s.value() : op;
            for (Node.Member m : obj.members()) {
                if (!FORMAT_1_FIELDS.contains(m.key())) {
                    return false;
                }
                if (m.key().equals("op") && m.value() instanceof Node.Str opName
                        && !FORMAT_1_OPERATIONS.contains(opName.value())) {
                    return false;
                }
                if (m.key().equals("comment") && !format1Comment(key, ownOp)) {
                    return false;
                }
                if (!onlyFormat1(m.value(), m.key(), ownOp)) {
                    return false;
                }
            }
        } else if (node instanceof Node.Arr arr) {
            for (Node item : arr.items()) {
                if (!onlyFormat1(item, key, op)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether a {@code comment} in an object held by field {@code key} of operation {@code op} is one format 1
     * had: a table's (schema file {@code tables}, CreateTable's {@code table}, DropTable's {@code definition}) or a
     * column's ({@code columns} of a table, AddColumn/AlterColumn's {@code column} and {@code previous},
     * DropColumn's {@code definition}). Anywhere else it is an index's or a constraint's: format 2.
     */
    private static boolean format1Comment(String key, String op) {
        if (key == null) {
            return false;
        }
        return switch (key) {
            case "tables", "table", "columns", "column", "previous" -> true;
            case "definition" -> "DropTable".equals(op) || "DropColumn".equals(op);
            default -> false;
        };
    }

    /** The root as an object: every Covet JSON file is one. */
    static Node.Obj root(Node node, String what) {
        if (!(node instanceof Node.Obj)) {
            throw new JsonReadException(node.at(), "expected " + what + " (a JSON object), found "
                    + node.describe());
        }
        return (Node.Obj) node;
    }
}
