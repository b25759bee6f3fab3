package covet.engine.diff;

import covet.api.model.Column;
import covet.api.model.SchemaObject;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Says in words how a database differs from its migrations, given an operation that would turn the migrations'
 * schema into the live one: one line per difference, e.g. {@code enum mpaa_rating: values differ}.
 */
public final class DriftDescriber {
    private static final String IN_NO_MIGRATION = " exists in the database but in no migration";
    private static final String MISSING = " is missing from the database";

    private DriftDescriber() {
    }

    public static String describe(Operation op) {
        if (op instanceof CreateTable c) {
            return "table " + c.table().name() + IN_NO_MIGRATION;
        }
        if (op instanceof DropTable d) {
            return "table " + d.name() + MISSING;
        }
        if (op instanceof AddColumn a) {
            return "column " + a.table() + "." + a.column().name() + IN_NO_MIGRATION;
        }
        if (op instanceof DropColumn d) {
            return "column " + d.table() + "." + d.name() + MISSING;
        }
        if (op instanceof AlterColumn a) {
            return "column " + a.table() + "." + a.column().name() + " differs: the migrations say "
                    + (a.previous() == null ? "?" : spell(a.previous())) + ", the database has " + spell(a.column());
        }
        if (op instanceof CreateObject c) {
            return c.object().describe() + IN_NO_MIGRATION;
        }
        if (op instanceof DropObject d) {
            return d.object().describe() + MISSING;
        }
        if (op instanceof AlterObject a) {
            return a.object().describe() + ": " + (a.previous() == null ? "definition differs"
                    : differ(differences(a.previous(), a.object())));
        }
        if (op instanceof AlterTable a) {
            List<String> parts = new ArrayList<>();
            if (a.changesComment()) {
                parts.add("comment");
            }
            if (a.previousOptions() == null || !a.previousOptions().equals(a.options())) {
                parts.add("options");
            }
            return "table " + a.table() + ": " + differ(parts);
        }
        if (op instanceof AlterComment a) {
            String what = switch (a.target()) {
                case INDEX -> "index " + a.name();
                case PRIMARY_KEY -> "the primary key";
                case CONSTRAINT -> "constraint " + a.name();
            };
            return "table " + a.table() + ": the comment of " + what + " differs";
        }
        return table(op);
    }

    /** Primary keys, exclusion constraints and partitions. */
    private static String table(Operation op) {
        if (op instanceof AddPrimaryKey a) {
            return "table " + a.table() + ": primary key (" + String.join(", ", a.key().columns()) + ")"
                    + IN_NO_MIGRATION;
        }
        if (op instanceof DropPrimaryKey d) {
            return "table " + d.table() + ": the primary key" + MISSING;
        }
        if (op instanceof AddExclusion a) {
            return "table " + a.table() + ": exclusion constraint " + a.exclusion().name() + IN_NO_MIGRATION;
        }
        if (op instanceof DropExclusion d) {
            return "table " + d.table() + ": exclusion constraint " + d.name() + MISSING;
        }
        if (op instanceof AttachPartition a) {
            return "table " + a.table() + " is a partition of " + a.partition().parent()
                    + " in the database but in no migration";
        }
        if (op instanceof DetachPartition d) {
            return "table " + d.table() + " is not a partition of " + d.partition().parent() + " in the database";
        }
        return "the database differs from the migrations: to match it one would " + op.describe();
    }

    /**
     * The parts of two definitions of one object that differ, in words ({@code values}, {@code definition},
     * {@code owned by}); {@code dependsOn} is ordering metadata and never compared.
     */
    static List<String> differences(SchemaObject before, SchemaObject after) {
        List<String> parts = new ArrayList<>();
        if (before.getClass() != after.getClass()) {
            parts.add("kind");
            return parts;
        }
        for (RecordComponent rc : before.getClass().getRecordComponents()) {
            if (rc.getName().equals("dependsOn") || rc.getName().equals("name")) {
                continue;
            }
            try {
                if (!Objects.equals(rc.getAccessor().invoke(before), rc.getAccessor().invoke(after))) {
                    parts.add(words(rc.getName()));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return parts;
    }

    private static String differ(List<String> parts) {
        if (parts.isEmpty()) {
            return "definition differs";
        }
        boolean plural = parts.size() > 1 || parts.get(0).endsWith("s");
        String joined = parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1))
                + " and " + parts.get(parts.size() - 1);
        return joined + (plural ? " differ" : " differs");
    }

    /** {@code ownedBy} as {@code owned by}. */
    private static String words(String component) {
        return component.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String spell(Column c) {
        return c.type().spelling() + (c.nullable() ? "" : " not null")
                + (c.defaultValue() != null ? " default " + c.defaultValue() : "")
                + (c.autoIncrement() ? " auto-increment" : "");
    }
}
