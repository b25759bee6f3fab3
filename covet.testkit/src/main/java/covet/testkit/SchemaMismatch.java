package covet.testkit;

import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import covet.api.operation.Operation;
import covet.engine.diff.Autodetector;
import covet.engine.questioner.Questioner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What differs between the schema a dialect should hold and the one its introspector read, table by table and
 * object by object.
 */
final class SchemaMismatch {
    private SchemaMismatch() {
    }

    /** Null when equal, else a report of the differing tables and the operations a diff would generate. */
    static String describe(Schema expected, Schema actual, UnaryOperator<Schema> normalizer) {
        if (expected.equals(actual)) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        TreeSet<String> names = new TreeSet<>();
        expected.tables().forEach(t -> names.add(t.name()));
        actual.tables().forEach(t -> names.add(t.name()));
        for (String name : names) {
            Table e = expected.table(name).orElse(null);
            Table a = actual.table(name).orElse(null);
            if (!Objects.equals(e, a)) {
                b.append("  table ").append(name).append(":\n    expected ").append(e)
                        .append("\n    actual   ").append(a).append('\n');
            }
        }
        TreeSet<String> keys = new TreeSet<>();
        expected.objects().forEach(o -> keys.add(o.key()));
        actual.objects().forEach(o -> keys.add(o.key()));
        for (String key : keys) {
            SchemaObject e = expected.object(key).orElse(null);
            SchemaObject a = actual.object(key).orElse(null);
            if (!Objects.equals(e, a)) {
                b.append("  ").append(key).append(":\n    expected ").append(e).append("\n    actual   ").append(a)
                        .append('\n');
            }
        }
        if (names.stream().toList().equals(expected.tables().stream().map(Table::name).toList())
                && b.length() == 0) {
            b.append("  the tables are equal but in another order: expected ")
                    .append(expected.tables().stream().map(Table::name).toList()).append(", actual ")
                    .append(actual.tables().stream().map(Table::name).toList()).append('\n');
        }
        b.append("  a diff from actual to expected would run: ").append(diff(actual, expected, normalizer));
        return b.toString();
    }

    static List<String> diff(Schema from, Schema to, UnaryOperator<Schema> normalizer) {
        try {
            List<String> out = new ArrayList<>();
            for (Operation op : new Autodetector(normalizer, Questioner.NO_RENAMES).diff(from, to)) {
                out.add(op.describe());
            }
            return out;
        } catch (RuntimeException e) {
            return List.of("(the diff itself failed: " + e + ")");
        }
    }
}
