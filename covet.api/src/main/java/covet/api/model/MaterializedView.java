package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A materialized view: its query as the database renders it, whether it is populated on creation, and its indexes.
 */
public record MaterializedView(String name, String definition, boolean withData, List<Index> indexes,
                               String comment, List<String> dependsOn) implements SchemaObject {

    public MaterializedView {
        Preconditions.notBlank(name, "materialized view name");
        Preconditions.notBlank(definition, "definition of materialized view '" + name + "'");
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        dependsOn = SchemaObject.keys(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.MATERIALIZED_VIEW;
    }

    @Override
    public MaterializedView withComment(String text) {
        return new MaterializedView(name, definition, withData, indexes, text, dependsOn);
    }

    @Override
    public MaterializedView withDependsOn(List<String> keys) {
        return new MaterializedView(name, definition, withData, indexes, comment, keys);
    }
}
