package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/** A namespace that holds objects: a PostgreSQL schema. */
public record Namespace(String name, String comment, List<String> dependsOn) implements SchemaObject {

    public Namespace {
        Preconditions.notBlank(name, "namespace name");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    public static Namespace of(String name) {
        return new Namespace(name, null, null);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.NAMESPACE;
    }

    @Override
    public Namespace withComment(String text) {
        return new Namespace(name, text, dependsOn);
    }

    @Override
    public Namespace withDependsOn(List<String> keys) {
        return new Namespace(name, comment, keys);
    }
}
