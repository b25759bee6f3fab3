package covet.cli;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Exclusion;
import covet.api.model.Extension;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.MaterializedView;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code inspect --format text}: the schema as an outline, one line per part. Tables, then the other named objects
 * (types, sequences, views, routines, triggers), each with what it holds; bodies of code are shown as the database
 * renders them, indented, except routines' (long: {@code --format sql} shows them).
 */
final class InspectOutline {
    private final PrintStream out;

    InspectOutline(PrintStream out) {
        this.out = out;
    }

    void print(Schema schema) {
        if (schema.tables().isEmpty() && schema.objects().isEmpty()) {
            out.println("(no tables)");
        }
        schema.tables().forEach(this::table);
        schema.objects().forEach(this::object);
    }

    private void table(Table t) {
        out.println("table " + t.name() + (t.partitionOf() != null ? " partition of " + t.partitionOf().parent()
                + " " + t.partitionOf().bound() : "") + (t.partitionBy() != null ? " partition by "
                + t.partitionBy() : ""));
        for (Column c : t.columns()) {
            out.println("  " + c.name() + " " + c.type().spelling() + (c.nullable() ? "" : " not null")
                    + (c.defaultValue() != null ? " default " + c.defaultValue() : "")
                    + (c.autoIncrement() ? c.identity() != null ? " identity " + c.identity().spelling()
                    : " auto-increment" : "")
                    + (c.generated() != null ? " generated (" + c.generated() + ")" : "")
                    + (c.collation() != null ? " collate " + c.collation() : ""));
        }
        if (t.primaryKey() != null) {
            out.println("  primary key (" + String.join(", ", t.primaryKey().columns()) + ")"
                    + commented(t.primaryKey().comment()));
        }
        for (UniqueConstraint u : t.uniques()) {
            out.println("  unique " + u.name() + " (" + String.join(", ", u.columns()) + ")" + commented(u.comment()));
        }
        for (Index i : t.indexes()) {
            out.println("  " + index(i));
        }
        for (ForeignKey f : t.foreignKeys()) {
            out.println("  foreign key " + f.name() + " (" + String.join(", ", f.columns())
                    + ") references " + f.referencedTable() + " (" + String.join(", ", f.referencedColumns())
                    + ") on delete " + f.onDelete().sql() + (f.onDeleteSetColumns().isEmpty() ? ""
                    : " (" + String.join(", ", f.onDeleteSetColumns()) + ")") + " on update " + f.onUpdate().sql()
                    + commented(f.comment()));
        }
        for (Check c : t.checks()) {
            out.println("  check " + c.name() + " (" + c.expression() + ")" + (c.notValid() ? " not valid" : "")
                    + commented(c.comment()));
        }
        for (Exclusion x : t.exclusions()) {
            out.println("  exclusion " + x.name() + " " + x.definition() + commented(x.comment()));
        }
        t.options().forEach((k, v) -> out.println("  option " + k + " = " + v));
        comment(t.comment());
    }

    private static String index(Index i) {
        return (i.unique() ? "unique index " : "index ") + i.name() + (i.method() != null ? " using " + i.method()
                : "") + " (" + i.columns().stream().map(InspectOutline::key).collect(Collectors.joining(", ")) + ")"
                + (i.include().isEmpty() ? "" : " include (" + String.join(", ", i.include()) + ")")
                + (i.where() != null ? " where " + i.where() : "") + commented(i.comment());
    }

    /** An index's or a constraint's comment, on its own line's end. */
    private static String commented(String comment) {
        return comment == null ? "" : " comment '" + comment + "'";
    }

    private void object(SchemaObject o) {
        List<String> body = new ArrayList<>();
        String head = o.describe();
        if (o instanceof Extension e && e.schema() != null) {
            head += " (schema " + e.schema() + ")";
        } else if (o instanceof EnumType e) {
            head += " (" + e.values().stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")) + ")";
        } else if (o instanceof Domain d) {
            head += " " + d.baseType() + (d.notNull() ? " not null" : "") + (d.defaultValue() != null
                    ? " default " + d.defaultValue() : "");
            d.checks().forEach(c -> body.add("check " + c.name() + " (" + c.expression() + ")"));
        } else if (o instanceof CompositeType c) {
            head += " (" + c.attributes().stream().map(a -> a.name() + " " + a.type())
                    .collect(Collectors.joining(", ")) + ")";
        } else if (o instanceof Sequence s) {
            head += sequence(s);
        } else if (o instanceof View v) {
            body.addAll(v.definition().strip().lines().toList());
        } else if (o instanceof MaterializedView m) {
            head += m.withData() ? "" : " with no data";
            body.addAll(m.definition().strip().lines().toList());
            m.indexes().forEach(i -> body.add(index(i)));
        } else if (o instanceof Trigger t) {
            body.add(t.definition().strip());
        }
        out.println(head);
        body.forEach(line -> out.println("  " + line));
        comment(o.comment());
    }

    private static String sequence(Sequence s) {
        StringBuilder b = new StringBuilder();
        if (s.dataType() != null) {
            b.append(" as ").append(s.dataType());
        }
        option(b, "start", s.start());
        option(b, "increment", s.increment());
        option(b, "minvalue", s.minValue());
        option(b, "maxvalue", s.maxValue());
        option(b, "cache", s.cache());
        if (s.cycle()) {
            b.append(" cycle");
        }
        if (s.ownedBy() != null) {
            b.append(" owned by ").append(s.ownedBy());
        }
        return b.toString();
    }

    private static void option(StringBuilder b, String name, Long value) {
        if (value != null) {
            b.append(' ').append(name).append(' ').append(value);
        }
    }

    private void comment(String comment) {
        if (comment != null) {
            out.println("  comment '" + comment + "'");
        }
    }

    private static String key(IndexColumn k) {
        return (k.isExpression() ? "(" + k.expression() + ")" : k.name())
                + (k.opclass() != null ? " " + k.opclass() : "") + (k.descending() ? " desc" : "")
                + (k.nulls() != null ? " nulls " + k.nulls() : "");
    }
}
