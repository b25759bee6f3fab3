package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A domain: a base type (as the database spells it) with optional NOT NULL, default, collation and named checks
 * (expressions as the database renders them).
 */
public record Domain(String name, String baseType, boolean notNull, String defaultValue, String collation,
                     List<Check> checks, String comment, List<String> dependsOn) implements SchemaObject {

    public Domain {
        Preconditions.notBlank(name, "domain name");
        Preconditions.notBlank(baseType, "base type of domain '" + name + "'");
        checks = checks == null ? List.of() : List.copyOf(checks);
        dependsOn = SchemaObject.keys(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.DOMAIN;
    }

    @Override
    public Domain withComment(String text) {
        return new Domain(name, baseType, notNull, defaultValue, collation, checks, text, dependsOn);
    }

    @Override
    public Domain withDependsOn(List<String> keys) {
        return new Domain(name, baseType, notNull, defaultValue, collation, checks, comment, keys);
    }
}
