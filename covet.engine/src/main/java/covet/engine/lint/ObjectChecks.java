package covet.engine.lint;

import covet.api.model.Column;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.MaterializedView;
import covet.api.model.NativeType;
import covet.api.model.ObjectKind;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.DropObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The rules on named objects (types, sequences, views, routines, triggers), read from the schema before the
 * operation: what still uses a type, a sequence or a view that is dropped or changed, and what a materialized
 * view costs. Covet does not parse SQL bodies, so "uses" means what the model records: a column's type, a
 * column default's {@code nextval('...')}, a domain's base type, a composite's attributes, and the objects'
 * {@code dependsOn} lists.
 */
final class ObjectChecks {
    private static final Set<ObjectKind> TYPES = Set.of(ObjectKind.ENUM, ObjectKind.DOMAIN, ObjectKind.COMPOSITE);

    private ObjectChecks() {
    }

    /** Data lost, or a drop the database refuses, when an existing object is dropped. */
    static void dropped(LintContext ctx, DropObject op) {
        SchemaObject o = op.object();
        if (!ctx.existingObject(o.key())) {
            return;
        }
        if (TYPES.contains(o.kind())) {
            List<String> users = typeUsers(ctx, o.name());
            if (!users.isEmpty()) {
                ctx.report(LintRule.DROP_TYPE_IN_USE, o.describe() + " is the type of " + String.join(", ", users)
                        + ": the drop fails, or with CASCADE takes " + (users.size() == 1 ? "it" : "them")
                        + " along with every value");
            }
        }
        if (o instanceof Sequence s) {
            ctx.report(LintRule.DROP_SEQUENCE, "the current value of sequence " + s.name() + " is lost; the rollback"
                    + " re-creates it at " + (s.start() == null ? "its start value" : String.valueOf(s.start()))
                    + ", so the values it hands out again may collide with existing rows");
            List<String> readers = sequenceReaders(ctx, s.name());
            if (!readers.isEmpty()) {
                ctx.report(LintRule.DROP_IN_USE, "the default of " + String.join(", ", readers) + " reads sequence "
                        + s.name() + ": the drop fails (or with CASCADE drops the default)");
            }
        }
        if (o instanceof VirtualTable v) {
            ctx.report(LintRule.DROP_VIRTUAL_TABLE, "the rows of virtual table " + v.name() + " are deleted; the"
                    + " rollback re-creates it empty");
        }
        dependents(ctx, o.key(), "drop");
    }

    /** A dropped table that views or other objects still read (its own triggers go with it). */
    static void tableDropped(LintContext ctx, String table) {
        if (ctx.existingTable(table)) {
            dependents(ctx, SchemaObject.tableKey(table), "drop");
        }
    }

    /** An enum that loses a value, and a view replaced under the views that read it. */
    static void altered(LintContext ctx, AlterObject op) {
        SchemaObject o = op.object();
        if (!ctx.existingObject(o.key())) {
            return;
        }
        if (o instanceof EnumType after && op.previous() instanceof EnumType before && recreated(before, after)) {
            List<String> removed = before.values().stream().filter(v -> !after.values().contains(v)).toList();
            List<String> users = typeUsers(ctx, o.name());
            ctx.report(LintRule.REMOVE_ENUM_VALUE, o.describe() + (removed.isEmpty() ? " reorders its values"
                    : " loses " + String.join(", ", removed)) + ", which the database cannot do in place: the type"
                    + " is re-created" + (users.isEmpty() ? "" : " and " + String.join(", ", users) + " rewritten")
                    + (removed.isEmpty() ? "" : "; it fails if a row holds a removed value"));
        }
        if (o instanceof VirtualTable v && op.previous() instanceof VirtualTable was
                && !v.definition().equals(was.definition())) {
            ctx.report(LintRule.DROP_VIRTUAL_TABLE, "virtual table " + v.name() + " cannot change in place: it is"
                    + " dropped and created again, empty");
        }
        if ((o instanceof View || o instanceof MaterializedView) && op.previous() != null
                && !Objects.equals(definition(o), definition(op.previous()))) {
            List<String> readers = ctx.state().objects().stream()
                    .filter(x -> !(x instanceof Trigger) && x.dependsOn().contains(o.key()))
                    .map(SchemaObject::describe).toList();
            if (!readers.isEmpty()) {
                ctx.report(LintRule.ALTER_VIEW_IN_USE, String.join(", ", readers) + " read" + (readers.size() == 1
                        ? "s " : " ") + o.describe() + ": replacing it fails if the new query drops, renames or "
                        + "retypes a column they use (drop and re-create them around the change)");
            }
        }
    }

    /**
     * True when an enum cannot change in place: in place are a rename (same number of values, new labels where they
     * differ, as {@code RENAME VALUE}) and additions that keep every old value in its order ({@code ADD VALUE});
     * anything else (a value removed, values reordered) re-creates the type. {@link AlterObject#removesEnumValue()}
     * also counts renames, which keep every row.
     */
    static boolean recreated(EnumType before, EnumType after) {
        List<String> was = before.values();
        List<String> now = after.values();
        if (now.size() == was.size()) {
            for (int i = 0; i < now.size(); i++) {
                if (!now.get(i).equals(was.get(i)) && was.contains(now.get(i))) {
                    return true;
                }
            }
            return false;
        }
        return now.size() < was.size() || !now.stream().filter(was::contains).toList().equals(was);
    }

    /** A materialized view created (or re-created) with data runs its whole query in the migration. */
    static void materialized(LintContext ctx, CreateObject op) {
        if (op.object() instanceof MaterializedView m && m.withData() && readsExistingRows(ctx, m)) {
            ctx.report(LintRule.MATERIALIZED_VIEW, "materialized view " + m.name() + " runs its query over every row"
                    + " it reads and stores the result while the migration holds its locks (WITH NO DATA, then "
                    + "REFRESH MATERIALIZED VIEW outside the migration, avoids it)");
        }
    }

    /** A materialized view whose query changes is dropped and re-created, and refilled. */
    static void materialized(LintContext ctx, AlterObject op) {
        if (op.object() instanceof MaterializedView m && m.withData() && op.previous() instanceof MaterializedView p
                && (!m.definition().equals(p.definition()) || !p.withData())) {
            ctx.report(LintRule.MATERIALIZED_VIEW, "materialized view " + m.name() + " is re-created: its query runs"
                    + " again over every row it reads while the migration holds its locks");
        }
    }

    private static boolean readsExistingRows(LintContext ctx, SchemaObject o) {
        // unknown dependencies: assume it reads tables that hold rows
        return o.dependsOn().isEmpty() || o.dependsOn().stream().anyMatch(ctx::existingDependency);
    }

    private static void dependents(LintContext ctx, String key, String what) {
        List<String> needing = new ArrayList<>();
        for (SchemaObject x : ctx.state().objects()) {
            // a table's triggers go with it; a sequence never stops a drop (an owned one goes with its column)
            boolean goesAlong = x instanceof Trigger t && key.equals(SchemaObject.tableKey(t.table()))
                    || x instanceof Sequence;
            if (!goesAlong && !x.key().equals(key) && x.dependsOn().contains(key)) {
                needing.add(x.describe());
            }
        }
        if (!needing.isEmpty()) {
            ctx.report(LintRule.DROP_IN_USE, String.join(", ", needing) + (needing.size() == 1 ? " needs " : " need ")
                    + "what this operation would " + what + ": the database refuses it (drop them first, in this "
                    + "migration)");
        }
    }

    /** Columns, domains and composite types whose type is {@code type}. */
    private static List<String> typeUsers(LintContext ctx, String type) {
        List<String> users = new ArrayList<>();
        for (Table t : ctx.state().tables()) {
            for (Column c : t.columns()) {
                if (c.type() instanceof NativeType n && sameType(n.sql(), type)) {
                    users.add(t.name() + "." + c.name());
                }
            }
        }
        for (SchemaObject o : ctx.state().objects()) {
            if (o instanceof Domain d && sameType(d.baseType(), type)) {
                users.add(o.describe());
            } else if (o instanceof CompositeType c && c.attributes().stream().anyMatch(a -> sameType(a.type(), type))) {
                users.add(o.describe());
            }
        }
        return users;
    }

    /** Columns whose default calls {@code nextval} on the sequence. */
    private static List<String> sequenceReaders(LintContext ctx, String sequence) {
        List<String> readers = new ArrayList<>();
        for (Table t : ctx.state().tables()) {
            for (Column c : t.columns()) {
                String d = c.defaultValue();
                if (d != null && d.toLowerCase(Locale.ROOT).contains("nextval(")
                        && (d.contains("'" + sequence + "'") || d.contains("." + sequence + "'")
                        || d.contains("\"" + sequence + "\""))) {
                    readers.add(t.name() + "." + c.name());
                }
            }
        }
        return readers;
    }

    /** A type spelling ({@code mpaa_rating[]}, {@code public.mpaa_rating}, {@code "Rating"}) names the type. */
    static boolean sameType(String spelling, String type) {
        String s = bare(spelling);
        String t = bare(type);
        return s.equals(t) || s.endsWith("." + t) || t.endsWith("." + s);
    }

    private static String bare(String spelling) {
        String s = spelling.strip();
        while (s.endsWith("[]")) {
            s = s.substring(0, s.length() - 2).strip();
        }
        int paren = s.indexOf('(');
        if (paren > 0) {
            s = s.substring(0, paren).strip();
        }
        return s.replace("\"", "");
    }

    private static String definition(SchemaObject o) {
        return o instanceof View v ? v.definition() : o instanceof MaterializedView m ? m.definition() : null;
    }
}
