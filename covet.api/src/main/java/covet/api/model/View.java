package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/** A view; {@code definition} is its query as the database renders it ({@code pg_get_viewdef}). */
public record View(String name, String definition, String comment, List<String> dependsOn) implements SchemaObject {

    public View {
        Preconditions.notBlank(name, "view name");
        Preconditions.notBlank(definition, "definition of view '" + name + "'");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.VIEW;
    }

    @Override
    public View withComment(String text) {
        return new View(name, definition, text, dependsOn);
    }

    @Override
    public View withDependsOn(List<String> keys) {
        return new View(name, definition, comment, keys);
    }
}
