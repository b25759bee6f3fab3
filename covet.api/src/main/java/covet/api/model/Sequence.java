package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A sequence. Null options mean the database's defaults. {@code ownedBy} ({@code table.column}, or null) ties it
 * to a column as {@code serial} does: dropping the column drops it. An identity column's sequence is part of the
 * column, not an object of its own.
 */
public record Sequence(String name, String dataType, Long start, Long increment, Long minValue, Long maxValue,
                       Long cache, boolean cycle, String ownedBy, String comment, List<String> dependsOn)
        implements SchemaObject {

    public Sequence {
        Preconditions.notBlank(name, "sequence name");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    public static Sequence of(String name) {
        return new Sequence(name, null, null, null, null, null, null, false, null, null, null);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.SEQUENCE;
    }

    public Sequence withOwnedBy(String column) {
        return new Sequence(name, dataType, start, increment, minValue, maxValue, cache, cycle, column, comment,
                dependsOn);
    }

    @Override
    public Sequence withComment(String text) {
        return new Sequence(name, dataType, start, increment, minValue, maxValue, cache, cycle, ownedBy, text,
                dependsOn);
    }

    @Override
    public Sequence withDependsOn(List<String> keys) {
        return new Sequence(name, dataType, start, increment, minValue, maxValue, cache, cycle, ownedBy, comment,
                keys);
    }
}
