package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/** A composite (row) type: named attributes with their types as the database spells them. */
public record CompositeType(String name, List<Attribute> attributes, String comment, List<String> dependsOn)
        implements SchemaObject {

    /** One attribute; {@code collation} may be null. */
    public record Attribute(String name, String type, String collation) {
        public Attribute {
            Preconditions.notBlank(name, "attribute name");
            Preconditions.notBlank(type, "type of attribute '" + name + "'");
        }
    }

    public CompositeType {
        Preconditions.notBlank(name, "composite type name");
        attributes = List.copyOf(Preconditions.notNull(attributes, "attributes of composite type '" + name + "'"));
        dependsOn = SchemaObject.keys(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.COMPOSITE;
    }

    @Override
    public CompositeType withComment(String text) {
        return new CompositeType(name, attributes, text, dependsOn);
    }

    @Override
    public CompositeType withDependsOn(List<String> keys) {
        return new CompositeType(name, attributes, comment, keys);
    }
}
