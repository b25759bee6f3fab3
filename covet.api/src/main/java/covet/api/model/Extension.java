package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A database extension ({@code CREATE EXTENSION}); {@code schema} is where its objects live (null: the connection's
 * schema). Its version is not compared: the server installs the one it ships.
 */
public record Extension(String name, String schema, String comment, List<String> dependsOn) implements SchemaObject {

    public Extension {
        Preconditions.notBlank(name, "extension name");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    public static Extension of(String name) {
        return new Extension(name, null, null, null);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.EXTENSION;
    }

    @Override
    public Extension withComment(String text) {
        return new Extension(name, schema, text, dependsOn);
    }

    @Override
    public Extension withDependsOn(List<String> keys) {
        return new Extension(name, schema, comment, keys);
    }
}
