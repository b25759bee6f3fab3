package covet.dialect.postgres;

import covet.api.model.ObjectKind;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Test-only: the operations that build an introspected schema on an empty database, in the order the engine writes
 * them (objects tables do not need, sequences without their owner, tables with partition and INHERITS parents
 * first, foreign keys, sequence owners, then the objects that need tables), each group ordered by dependsOn.
 */
final class ModelReplay {
    private ModelReplay() {
    }

    static List<Operation> operations(Schema schema) {
        List<SchemaObject> early = new ArrayList<>();
        List<SchemaObject> late = new ArrayList<>();
        for (SchemaObject o : schema.objects()) {
            boolean needsRelation = o.dependsOn().stream().anyMatch(k -> k.startsWith("table:")
                    || k.startsWith("view:") || k.startsWith("materialized_view:"));
            boolean afterTables = o.kind().compareTo(ObjectKind.VIEW) >= 0 || needsRelation;
            (afterTables ? late : early).add(o);
        }
        List<Operation> out = new ArrayList<>();
        for (SchemaObject o : ordered(early, SchemaObject::key, SchemaObject::dependsOn)) {
            out.add(new CreateObject(o instanceof Sequence s ? s.withOwnedBy(null) : o));
        }
        Function<Table, List<String>> parents = t -> {
            List<String> p = new ArrayList<>();
            if (t.partitionOf() != null) {
                p.add(t.partitionOf().parent());
            }
            if (t.options().containsKey("inherits")) {
                p.addAll(List.of(t.options().get("inherits").split(",")));
            }
            return p;
        };
        List<Table> tables = ordered(schema.tables(), Table::name, parents);
        tables.forEach(t -> out.add(new CreateTable(t.withForeignKeys(List.of()))));
        tables.forEach(t -> t.foreignKeys().forEach(fk -> out.add(new AddForeignKey(t.name(), fk))));
        for (SchemaObject o : early) {
            if (o instanceof Sequence s && s.ownedBy() != null) {
                out.add(new AlterObject(s, s.withOwnedBy(null)));
            }
        }
        ordered(late, SchemaObject::key, SchemaObject::dependsOn).forEach(o -> out.add(new CreateObject(o)));
        return out;
    }

    /** {@code items} with each after those it needs (depth first, in list order otherwise). */
    private static <T> List<T> ordered(List<T> items, Function<T, String> key, Function<T, List<String>> needs) {
        Map<String, T> byKey = new LinkedHashMap<>();
        items.forEach(i -> byKey.put(key.apply(i), i));
        List<T> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (T item : items) {
            visit(item, byKey, key, needs, done, out);
        }
        return out;
    }

    private static <T> void visit(T item, Map<String, T> byKey, Function<T, String> key,
                                  Function<T, List<String>> needs, Set<String> done, List<T> out) {
        if (!done.add(key.apply(item))) {
            return;
        }
        for (String k : needs.apply(item)) {
            T needed = byKey.get(k);
            if (needed != null) {
                visit(needed, byKey, key, needs, done, out);
            }
        }
        out.add(item);
    }
}
