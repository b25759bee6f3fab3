package covet.engine.verify;

import covet.api.model.Column;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How two introspected schemas differ, table by table and object by object. Column position is not compared: the
 * reverse of a DropColumn is an AddColumn, which every database appends at the end; everything else (types,
 * nullability, defaults, keys, indexes, constraints, partitioning, table options, and each named object: enum,
 * view, function, trigger, ...) must match exactly. An object's {@code dependsOn} is ordering metadata and is not
 * compared; nor is the order of objects.
 */
final class SchemaDifference {
    private final Map<String, List<String>> byTable = new LinkedHashMap<>();

    private SchemaDifference() {
    }

    static SchemaDifference between(Schema before, Schema after) {
        SchemaDifference d = new SchemaDifference();
        TreeSet<String> names = new TreeSet<>();
        before.tables().forEach(t -> names.add(t.name()));
        after.tables().forEach(t -> names.add(t.name()));
        for (String name : names) {
            Optional<Table> a = before.table(name);
            Optional<Table> b = after.table(name);
            if (a.isEmpty()) {
                d.add(name, "table " + name + " exists only after the rollback");
            } else if (b.isEmpty()) {
                d.add(name, "table " + name + " is missing after the rollback");
            } else {
                d.compare(a.get(), b.get());
            }
        }
        d.objects(before.objects(), after.objects());
        return d;
    }

    /** Objects keyed by their model key, each difference under the object's own name ({@code enum rating}). */
    private void objects(List<SchemaObject> before, List<SchemaObject> after) {
        Map<String, SchemaObject> a = index(before, SchemaObject::key);
        Map<String, SchemaObject> b = index(after, SchemaObject::key);
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            SchemaObject x = a.get(key);
            SchemaObject y = b.get(key);
            String name = (x != null ? x : y).describe();
            if (x == null) {
                add(name, name + " exists only after the rollback");
            } else if (y == null) {
                add(name, name + " is missing after the rollback");
            } else if (!x.withDependsOn(List.of()).equals(y.withDependsOn(List.of()))) {
                add(name, name + " was " + x.withDependsOn(List.of()) + ", is " + y.withDependsOn(List.of()));
            }
        }
    }

    boolean isEmpty() {
        return byTable.isEmpty();
    }

    List<String> tables() {
        return List.copyOf(byTable.keySet());
    }

    List<String> details() {
        List<String> out = new ArrayList<>();
        byTable.values().forEach(out::addAll);
        return out;
    }

    private void compare(Table a, Table b) {
        String t = a.name();
        named(t, "column", a.columns(), b.columns(), Column::name);
        if (!Objects.equals(a.primaryKey(), b.primaryKey())) {
            add(t, t + ": primary key was " + a.primaryKey() + ", is " + b.primaryKey());
        }
        named(t, "unique constraint", a.uniques(), b.uniques(), u -> u.name());
        named(t, "index", a.indexes(), b.indexes(), i -> i.name());
        named(t, "foreign key", a.foreignKeys(), b.foreignKeys(), f -> f.name());
        named(t, "check", a.checks(), b.checks(), c -> c.name());
        named(t, "exclusion constraint", a.exclusions(), b.exclusions(), x -> x.name());
        same(t, "partition key", a.partitionBy(), b.partitionBy());
        same(t, "partition of", a.partitionOf(), b.partitionOf());
        same(t, "options", a.options(), b.options());
        if (!Objects.equals(a.comment(), b.comment())) {
            add(t, t + ": comment was " + quoted(a.comment()) + ", is " + quoted(b.comment()));
        }
    }

    private void same(String table, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            add(table, table + ": " + what + " was " + before + ", is " + after);
        }
    }

    /** Compares two lists of named parts as sets keyed by name. */
    private <T> void named(String table, String what, List<T> before, List<T> after, Function<T, String> name) {
        Map<String, T> a = index(before, name);
        Map<String, T> b = index(after, name);
        TreeSet<String> names = new TreeSet<>(Comparator.naturalOrder());
        names.addAll(a.keySet());
        names.addAll(b.keySet());
        for (String n : names) {
            T x = a.get(n);
            T y = b.get(n);
            if (x == null) {
                add(table, table + ": " + what + " " + n + " appeared: " + describe(y));
            } else if (y == null) {
                add(table, table + ": " + what + " " + n + " is missing (was " + describe(x) + ")");
            } else if (!x.equals(y)) {
                add(table, table + ": " + what + " " + n + " was " + describe(x) + ", is " + describe(y));
            }
        }
    }

    /** A column as DDL-like text; other parts as their records print. */
    private static String describe(Object part) {
        if (!(part instanceof Column)) {
            return String.valueOf(part);
        }
        Column c = (Column) part;
        return c.type().spelling() + (c.nullable() ? "" : " NOT NULL")
                + (c.defaultValue() != null ? " DEFAULT " + c.defaultValue() : "")
                + (c.autoIncrement() ? " AUTO_INCREMENT" : "")
                + (c.identity() != null ? " IDENTITY " + c.identity() : "")
                + (c.generated() != null ? " GENERATED (" + c.generated() + ")" : "")
                + (c.collation() != null ? " COLLATE " + c.collation() : "")
                + (c.comment() != null ? " COMMENT " + quoted(c.comment()) : "");
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(name.apply(i), i));
        return map;
    }

    private void add(String table, String detail) {
        byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(detail);
    }

    private static String quoted(String s) {
        return s == null ? "none" : "'" + s + "'";
    }
}
