package covet.dialect.postgres;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Extension;
import covet.api.model.Index;
import covet.api.model.MaterializedView;
import covet.api.model.NativeType;
import covet.api.model.Namespace;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Trigger;
import covet.api.model.View;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes the named objects of a wanted schema look the way {@link PostgresObjectReader} reports them: type
 * spellings as format_type() prints them, domain defaults and checks in their canonical forms, sequence options
 * that are the defaults as null, view queries without their trailing semicolon, empty comments as none. Bodies
 * are otherwise compared as the server renders them. {@code dependsOn} is never compared: it is kept (sorted,
 * once each), since the engine orders creates by it.
 */
final class PostgresObjectNormalizer {
    /** The schema a normaliser without a connection takes for current: PostgreSQL's default. */
    static final String DEFAULT_SCHEMA = "public";

    private static final Map<String, long[]> SEQUENCE_RANGES = Map.of(
            "smallint", new long[] {Short.MIN_VALUE, Short.MAX_VALUE},
            "integer", new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE},
            "bigint", new long[] {Long.MIN_VALUE, Long.MAX_VALUE});

    private PostgresObjectNormalizer() {
    }

    static List<SchemaObject> normalize(List<SchemaObject> objects) {
        return objects.stream().map(PostgresObjectNormalizer::object).sorted(PostgresDependencies.ORDER).toList();
    }

    static SchemaObject object(SchemaObject o) {
        SchemaObject n;
        if (o instanceof Namespace) {
            n = o;
        } else if (o instanceof Extension e) {
            n = new Extension(e.name(), DEFAULT_SCHEMA.equals(e.schema()) ? null : e.schema(), e.comment(), null);
        } else if (o instanceof EnumType) {
            n = o;
        } else if (o instanceof Domain d) {
            n = domain(d);
        } else if (o instanceof CompositeType c) {
            n = new CompositeType(c.name(), c.attributes().stream().map(a -> new CompositeType.Attribute(a.name(),
                    typeSpelling(a.type()), collation(a.collation()))).toList(), c.comment(), null);
        } else if (o instanceof Sequence s) {
            n = sequence(s);
        } else if (o instanceof View v) {
            n = new View(v.name(), query(v.definition()), v.comment(), null);
        } else if (o instanceof MaterializedView m) {
            n = new MaterializedView(m.name(), query(m.definition()), m.withData(), m.indexes().stream()
                    .map(i -> PostgresNormalizer.index(i, Map.of(), Set.of()))
                    .sorted(Comparator.comparing(Index::name)).toList(), m.comment(), null);
        } else if (o instanceof Routine r) {
            n = new Routine(r.name(), r.procedure(), statement(r.definition()), r.comment(), null);
        } else {
            Trigger t = (Trigger) o;
            n = new Trigger(t.table(), t.trigger(), statement(t.definition()), t.comment(), null);
        }
        String comment = o.comment() == null || o.comment().isEmpty() ? null : o.comment();
        return n.withComment(comment).withDependsOn(List.copyOf(new TreeSet<>(o.dependsOn())));
    }

    private static Domain domain(Domain d) {
        String base = typeSpelling(d.baseType());
        ColumnType type = PostgresTypes.fromCatalog(base);
        List<Check> checks = d.checks().stream()
                .map(c -> c.withExpression(domainCheck(c.expression(), base))
                        .withComment(c.comment() == null || c.comment().isEmpty() ? null : c.comment()))
                .sorted(Comparator.comparing(Check::name)).toList();
        return new Domain(d.name(), base, d.notNull(), PostgresDefaults.canonical(d.defaultValue(), type),
                collation(d.collation()), checks, d.comment(), null);
    }

    /** A domain CHECK's canonical form: {@code VALUE} stands for a column of the base type. */
    static String domainCheck(String expression, String baseType) {
        Column value = Column.of("value", PostgresTypes.fromCatalog(typeSpelling(baseType)));
        return PostgresExpressions.canonical(expression, PostgresExpressions.stringColumns(List.of(value)));
    }

    /** A type as format_type() spells it ({@code int4} is {@code integer}). */
    static String typeSpelling(String type) {
        return PostgresTypes.toSql(PostgresTypes.normalize(new NativeType(type.strip())));
    }

    /**
     * A collation as the introspector names it: unquoted, without {@code pg_catalog.}; {@code default} is none.
     */
    static String collation(String collation) {
        if (collation == null || collation.isBlank()) {
            return null;
        }
        String c = collation.strip();
        int dot = qualifierEnd(c);
        String schema = dot < 0 ? null : unquote(c.substring(0, dot));
        String name = unquote(dot < 0 ? c : c.substring(dot + 1));
        if (schema == null || schema.equals("pg_catalog")) {
            // a name that holds a dot itself (C.utf8, en_US.utf8) keeps its schema, or it would read as schema.name
            return name.equals("default") ? null : name.indexOf('.') < 0 ? name : "pg_catalog." + name;
        }
        return schema + "." + name;
    }

    /** The dot between a schema and a name, outside double quotes; -1 when there is none. */
    static int qualifierEnd(String name) {
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '.' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    static String unquote(String part) {
        String p = part.strip();
        return p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")
                ? p.substring(1, p.length() - 1).replace("\"\"", "\"") : p;
    }

    /**
     * A sequence with each option that is the default for its data type and direction as null: data type bigint,
     * increment 1, ascending minimum 1 and maximum the type's, descending minimum the type's and maximum -1, start
     * at the minimum (ascending) or maximum (descending), cache 1.
     */
    static Sequence sequence(Sequence s) {
        String type = s.dataType() == null || s.dataType().isBlank() ? "bigint" : typeSpelling(s.dataType());
        long[] range = SEQUENCE_RANGES.getOrDefault(type, SEQUENCE_RANGES.get("bigint"));
        long increment = s.increment() == null ? 1 : s.increment();
        boolean ascending = increment > 0;
        long minDefault = ascending ? 1 : range[0];
        long maxDefault = ascending ? range[1] : -1;
        long min = s.minValue() == null ? minDefault : s.minValue();
        long max = s.maxValue() == null ? maxDefault : s.maxValue();
        long startDefault = ascending ? min : max;
        return new Sequence(s.name(), type.equals("bigint") ? null : type,
                nullWhen(s.start(), startDefault), nullWhen(increment, 1), nullWhen(min, minDefault),
                nullWhen(max, maxDefault), nullWhen(s.cache(), 1), s.cycle(),
                s.ownedBy() == null || s.ownedBy().isBlank() ? null : s.ownedBy(), s.comment(), s.dependsOn());
    }

    private static Long nullWhen(Long value, long byDefault) {
        return value == null || value == byDefault ? null : value;
    }

    /** A view's query as pg_get_viewdef() gives it, without surrounding space and the trailing semicolon. */
    static String query(String definition) {
        String q = definition.strip();
        while (q.endsWith(";")) {
            q = q.substring(0, q.length() - 1).strip();
        }
        return q;
    }

    /** A complete statement (pg_get_functiondef, pg_get_triggerdef) without surrounding space. */
    static String statement(String definition) {
        return definition.strip();
    }
}
