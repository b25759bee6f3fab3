package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/** An enumerated type with its labels in their sort order. */
public record EnumType(String name, List<String> values, String comment, List<String> dependsOn)
        implements SchemaObject {

    public EnumType {
        Preconditions.notBlank(name, "enum type name");
        values = List.copyOf(Preconditions.notNull(values, "values of enum type '" + name + "'"));
        Preconditions.check(values.stream().distinct().count() == values.size(),
                "enum type '" + name + "' names a value twice");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    public static EnumType of(String name, String... values) {
        return new EnumType(name, List.of(values), null, null);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.ENUM;
    }

    @Override
    public EnumType withComment(String text) {
        return new EnumType(name, values, text, dependsOn);
    }

    @Override
    public EnumType withDependsOn(List<String> keys) {
        return new EnumType(name, values, comment, keys);
    }
}
