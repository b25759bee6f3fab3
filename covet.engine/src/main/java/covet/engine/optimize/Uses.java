package covet.engine.optimize;

import covet.api.model.Column;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.Extension;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.MaterializedView;
import covet.api.model.NativeType;
import covet.api.model.ObjectKind;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.View;
import java.util.HashSet;
import java.util.Set;

/**
 * What a definition needs to exist before it: the model does not check these (it never parses SQL), but the
 * database does, so the optimizer must not move a definition ahead of them. Where the definition does not name
 * what it uses (a native column type may be an enum or an extension's type; an expression may call a function or
 * read a sequence; a routine's body may read any table), a wildcard stands for it.
 */
final class Uses {
    private Uses() {
    }

    /** What creating, altering or dropping {@code o} reads besides itself. */
    static Set<ObjectKey> of(SchemaObject o) {
        Set<ObjectKey> reads = new HashSet<>();
        o.dependsOn().forEach(k -> reads.add(ObjectKey.dependency(k)));
        if (o instanceof Trigger t) {
            reads.add(ObjectKey.table(t.table()));
            if (t.dependsOn().isEmpty()) {
                reads.add(ObjectKey.EVERYTHING);
            }
            return reads;
        }
        namespace(o instanceof Routine ? routineName(o.name()) : o.name(), reads);
        if (o instanceof Extension e && e.schema() != null) {
            reads.add(ObjectKey.dependency(SchemaObject.key(ObjectKind.NAMESPACE, e.schema())));
        } else if (o instanceof Domain || o instanceof CompositeType) {
            reads.add(ObjectKey.TYPES_AND_ROUTINES);
        } else if (o instanceof Sequence s && s.ownedBy() != null) {
            int dot = s.ownedBy().lastIndexOf('.');
            reads.add(dot < 0 ? ObjectKey.table(s.ownedBy())
                    : ObjectKey.column(s.ownedBy().substring(0, dot), s.ownedBy().substring(dot + 1)));
        } else if (o instanceof Routine) {
            // PostgreSQL checks a SQL function's body against the tables when it is created, and pg_depend does not
            // record what the body reads: a routine is never moved past anything
            reads.add(ObjectKey.EVERYTHING);
        } else if (o instanceof View || o instanceof MaterializedView) {
            // pg_depend records what a view reads; a view whose dependencies are unknown may read anything
            if (o.dependsOn().isEmpty()) {
                reads.add(ObjectKey.EVERYTHING);
            }
            if (o instanceof MaterializedView m) {
                m.indexes().forEach(i -> index(m.name(), i, reads));
            }
        }
        return reads;
    }

    /** What {@code CREATE TABLE} of {@code t} reads besides the tables its foreign keys reference. */
    static Set<ObjectKey> of(Table t) {
        Set<ObjectKey> reads = new HashSet<>();
        namespace(t.name(), reads);
        t.columns().forEach(c -> column(c, reads));
        t.indexes().forEach(i -> index(t.name(), i, reads));
        if (!t.checks().isEmpty() || !t.exclusions().isEmpty()) {
            reads.add(ObjectKey.TYPES_AND_ROUTINES);
        }
        if (t.partitionOf() != null) {
            reads.add(ObjectKey.table(t.partitionOf().parent()));
        }
        String inherits = t.options().get("inherits");
        if (inherits != null) {
            for (String parent : inherits.split(",")) {
                if (!parent.isBlank()) {
                    reads.add(ObjectKey.table(parent.strip()));
                }
            }
        }
        return reads;
    }

    /** What a column's type and expressions may use. */
    static void column(Column c, Set<ObjectKey> into) {
        if (c.type() instanceof NativeType || expression(c.defaultValue()) || expression(c.generated())) {
            into.add(ObjectKey.TYPES_AND_ROUTINES);
        }
    }

    /** What an index reads: its columns, or the whole table for expressions and predicates; opclasses and methods. */
    static void index(String table, Index index, Set<ObjectKey> into) {
        if (index.method() != null) {
            into.add(ObjectKey.TYPES_AND_ROUTINES);
        }
        if (index.where() != null) {
            into.add(ObjectKey.table(table));
            into.add(ObjectKey.TYPES_AND_ROUTINES);
        }
        for (IndexColumn part : index.columns()) {
            if (part.isExpression()) {
                into.add(ObjectKey.table(table));
                into.add(ObjectKey.TYPES_AND_ROUTINES);
            } else {
                into.add(ObjectKey.column(table, part.name()));
            }
            if (part.opclass() != null) {
                into.add(ObjectKey.TYPES_AND_ROUTINES);
            }
        }
        index.include().forEach(c -> into.add(ObjectKey.column(table, c)));
    }

    /** The namespace a qualified name ({@code sales.orders}) lives in. */
    static void namespace(String name, Set<ObjectKey> into) {
        int dot = name.indexOf('.');
        if (dot > 0) {
            into.add(ObjectKey.dependency(SchemaObject.key(ObjectKind.NAMESPACE,
                    name.substring(0, dot))));
        }
    }

    /** True for an expression that may call a function or name a type: more than a plain literal. */
    private static boolean expression(String sql) {
        return sql != null && (sql.contains("(") || sql.contains("::"));
    }

    private static String routineName(String signature) {
        int paren = signature.indexOf('(');
        return paren < 0 ? signature : signature.substring(0, paren);
    }
}
