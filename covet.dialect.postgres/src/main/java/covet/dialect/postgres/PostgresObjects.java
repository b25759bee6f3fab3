package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.literal;
import static covet.dialect.postgres.PostgresNames.quote;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Extension;
import covet.api.model.Index;
import covet.api.model.MaterializedView;
import covet.api.model.Namespace;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Trigger;
import covet.api.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CREATE, DROP and in-place ALTER of the named objects other than tables. {@link SchemaObject} is sealed: each
 * method dispatches over its members in one chain, and the last branch names the member it expects. Bodies (view
 * queries, routine and trigger statements) are executed as the database rendered them; types live in
 * {@link PostgresTypeObjects}, sequences in {@link PostgresSequences}.
 */
final class PostgresObjects {

    private PostgresObjects() {
    }

    static List<String> create(SchemaObject o) {
        List<String> out = new ArrayList<>();
        if (o instanceof Namespace) {
            // IF NOT EXISTS: a table of a migration written before schemas were objects created it already
            out.add("CREATE SCHEMA IF NOT EXISTS " + quote(o.name()));
        } else if (o instanceof Extension) {
            Extension e = (Extension) o;
            out.add("CREATE EXTENSION IF NOT EXISTS " + quote(e.name())
                    + (e.schema() == null ? "" : " WITH SCHEMA " + quote(e.schema())));
        } else if (o instanceof EnumType || o instanceof Domain || o instanceof CompositeType) {
            out.addAll(PostgresTypeObjects.create(o));
        } else if (o instanceof Sequence) {
            out.add(PostgresSequences.create((Sequence) o));
        } else if (o instanceof View) {
            out.add("CREATE VIEW " + table(o.name()) + " AS " + body(((View) o).definition()));
        } else if (o instanceof MaterializedView) {
            out.addAll(createMaterializedView((MaterializedView) o));
        } else if (o instanceof Routine) {
            out.addAll(createRoutine((Routine) o));
        } else {
            out.add(body(((Trigger) o).definition()));
        }
        if (o.comment() != null) {
            out.add(comment(o));
        }
        return out;
    }

    static List<String> drop(SchemaObject o) {
        if (o instanceof Trigger) {
            Trigger t = (Trigger) o;
            return List.of("DROP TRIGGER " + quote(t.trigger()) + " ON " + table(t.table()));
        }
        return List.of("DROP " + keyword(o) + " " + sqlName(o));
    }

    /**
     * The smallest change the database has from {@code previous} to {@code object}. Without a previous definition
     * the object is replaced where the database can (views, routines, triggers, sequence options) and an error
     * says where it cannot.
     */
    static List<String> alter(SchemaObject object, SchemaObject previous) {
        List<String> out = new ArrayList<>();
        boolean commentChanges = previous == null || !Objects.equals(previous.comment(), object.comment());
        boolean commentKept = false;
        if (object instanceof Namespace) {
            requireKnown(object, previous);
        } else if (object instanceof Extension) {
            requireKnown(object, previous);
            out.addAll(alterExtension((Extension) object, (Extension) previous));
        } else if (object instanceof EnumType || object instanceof Domain || object instanceof CompositeType) {
            requireKnown(object, previous);
            out.addAll(PostgresTypeObjects.alter(object, previous));
            // a re-created type lost its comment
            commentKept = !PostgresTypeObjects.recreates(object, previous);
        } else if (object instanceof Sequence) {
            out.addAll(PostgresSequences.alter((Sequence) object, (Sequence) previous));
        } else if (object instanceof View) {
            View v = (View) object;
            if (previous == null || !((View) previous).definition().equals(v.definition())) {
                out.add(replaceView(v));
            }
            commentKept = true;
        } else if (object instanceof MaterializedView) {
            out.addAll(alterMaterializedView((MaterializedView) object, (MaterializedView) previous));
            commentKept = out.stream().noneMatch(s -> s.startsWith("DROP MATERIALIZED VIEW"));
        } else if (object instanceof Routine) {
            Routine r = (Routine) object;
            if (previous == null || !((Routine) previous).definition().equals(r.definition())) {
                // CREATE OR REPLACE keeps the comment; a changed result type is refused by the database itself
                out.addAll(createRoutine(r));
            }
            commentKept = true;
        } else {
            Trigger t = (Trigger) object;
            if (previous == null || !((Trigger) previous).definition().equals(t.definition())) {
                out.addAll(drop(previous == null ? t : previous));
                out.add(body(t.definition()));
                commentKept = false;
            } else {
                commentKept = true;
            }
        }
        if (commentChanges || (!commentKept && object.comment() != null)) {
            out.add(comment(object));
        }
        return out;
    }

    private static void requireKnown(SchemaObject object, SchemaObject previous) {
        if (previous == null) {
            throw new IllegalArgumentException("postgresql: cannot alter " + object.describe()
                    + " without its previous definition (drop and create it instead)");
        }
    }

    private static List<String> alterExtension(Extension e, Extension before) {
        if (Objects.equals(before.schema(), e.schema())) {
            return List.of();
        }
        if (e.schema() != null) {
            return List.of("ALTER EXTENSION " + quote(e.name()) + " SET SCHEMA " + quote(e.schema()));
        }
        // the current schema's name is known only to the session
        return List.of(doBlock(" BEGIN EXECUTE format('ALTER EXTENSION %I SET SCHEMA %I', " + literal(e.name())
                + ", current_schema()); END "));
    }

    /**
     * CREATE OR REPLACE VIEW keeps what depends on the view, but refuses a query whose columns are not the old
     * ones followed by new ones (SQLSTATE 42P16): the view is then dropped and created again (a view that others
     * depend on still refuses, with the database's message).
     */
    private static String replaceView(View v) {
        String name = table(v.name());
        String query = body(v.definition());
        String again = "DROP VIEW " + name + "; CREATE VIEW " + name + " AS " + query + ";"
                + (v.comment() == null ? "" : " " + comment(v) + ";");
        return doBlock(" BEGIN CREATE OR REPLACE VIEW " + name + " AS " + query
                + "; EXCEPTION WHEN invalid_table_definition THEN " + again + " END ");
    }

    private static List<String> createMaterializedView(MaterializedView m) {
        List<String> out = new ArrayList<>();
        out.add("CREATE MATERIALIZED VIEW " + table(m.name()) + " AS " + body(m.definition())
                + (m.withData() ? " WITH DATA" : " WITH NO DATA"));
        m.indexes().forEach(i -> out.addAll(PostgresTableSql.index(m.name(), i)));
        return out;
    }

    /**
     * A changed query re-creates the view with its indexes; otherwise only the indexes that differ are dropped and
     * created (one that differs only in its comment is commented, not rebuilt), and a change of populated state
     * refreshes it.
     */
    private static List<String> alterMaterializedView(MaterializedView m, MaterializedView before) {
        if (before == null || !before.definition().equals(m.definition())) {
            List<String> out = new ArrayList<>();
            out.add((before == null ? "DROP MATERIALIZED VIEW IF EXISTS " : "DROP MATERIALIZED VIEW ")
                    + table(m.name()));
            out.addAll(createMaterializedView(m));
            return out;
        }
        List<String> out = new ArrayList<>();
        List<Index> recommented = new ArrayList<>();
        for (Index i : m.indexes()) {
            before.indexes().stream().filter(b -> !b.equals(i) && b.withComment(i.comment()).equals(i))
                    .findFirst().ifPresent(b -> recommented.add(i));
        }
        List<String> commentOnly = recommented.stream().map(Index::name).toList();
        for (Index i : before.indexes()) {
            if (!m.indexes().contains(i) && !commentOnly.contains(i.name())) {
                out.add("DROP INDEX " + PostgresNames.inSchemaOf(m.name(), i.name()));
            }
        }
        for (Index i : m.indexes()) {
            if (recommented.contains(i)) {
                out.add(PostgresTableSql.indexComment(m.name(), i.name(), i.comment()));
            } else if (!before.indexes().contains(i)) {
                out.addAll(PostgresTableSql.index(m.name(), i));
            }
        }
        if (before.withData() != m.withData()) {
            out.add("REFRESH MATERIALIZED VIEW " + table(m.name()) + (m.withData() ? "" : " WITH NO DATA"));
        }
        return out;
    }

    /**
     * The routine's own statement, after turning body checks off for the rest of the transaction: a SQL-language
     * body may name a table created later in the same migration (pg_dump does the same).
     */
    private static List<String> createRoutine(Routine r) {
        return List.of("SET LOCAL check_function_bodies = off", body(r.definition()));
    }

    /** {@code COMMENT ON <kind> <name> IS '...'}, or {@code IS NULL} to unset it. */
    static String comment(SchemaObject o) {
        String target = o instanceof Trigger
                ? "TRIGGER " + quote(((Trigger) o).trigger()) + " ON " + table(((Trigger) o).table())
                : keyword(o) + " " + sqlName(o);
        return "COMMENT ON " + target + " IS " + (o.comment() == null ? "NULL" : literal(o.comment()));
    }

    /** The object-type keyword of DROP and COMMENT ON. */
    static String keyword(SchemaObject o) {
        switch (o.kind()) {
            case NAMESPACE: return "SCHEMA";
            case EXTENSION: return "EXTENSION";
            case ENUM:
            case COMPOSITE: return "TYPE";
            case DOMAIN: return "DOMAIN";
            case SEQUENCE: return "SEQUENCE";
            case FUNCTION: return "FUNCTION";
            case PROCEDURE: return "PROCEDURE";
            case VIEW: return "VIEW";
            case MATERIALIZED_VIEW: return "MATERIALIZED VIEW";
            case TRIGGER: return "TRIGGER";
            default: throw new IllegalStateException("postgresql: no keyword for " + o.kind());
        }
    }

    /**
     * The object's name in SQL: schema and name quoted each. A routine's name is its signature: the name part is
     * quoted, the argument types are kept as the database spelled them.
     */
    static String sqlName(SchemaObject o) {
        if (o instanceof Namespace || o instanceof Extension) {
            return quote(o.name());
        }
        if (o instanceof Routine) {
            int open = o.name().indexOf('(');
            return open < 0 ? table(o.name()) : table(o.name().substring(0, open)) + o.name().substring(open);
        }
        return table(o.name());
    }

    /** A rendered body without the trailing semicolon pg_get_viewdef adds, nor trailing blanks. */
    static String body(String definition) {
        String s = definition.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    /**
     * {@code DO} with {@code body} dollar-quoted by a tag that occurs nowhere in it: names, labels and comments
     * inside the body cannot end the block early.
     */
    static String doBlock(String body) {
        String tag = dollarTag(body);
        return "DO " + tag + body + tag;
    }

    /** A dollar-quote tag that does not occur in {@code text}. */
    static String dollarTag(String text) {
        String tag = "$covet$";
        for (int n = 1; text.contains(tag); n++) {
            tag = "$covet" + n + "$";
        }
        return tag;
    }
}
