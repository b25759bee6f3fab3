package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A trigger on a table; {@code definition} is the whole statement that creates it as the database renders it
 * ({@code pg_get_triggerdef}). Its {@link #name()} is {@code table.trigger}, since trigger names are per table.
 */
public record Trigger(String table, String trigger, String definition, String comment, List<String> dependsOn)
        implements SchemaObject {

    public Trigger {
        Preconditions.notBlank(table, "trigger table");
        Preconditions.notBlank(trigger, "trigger name");
        Preconditions.notBlank(definition, "definition of trigger '" + trigger + "'");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.TRIGGER;
    }

    @Override
    public String name() {
        return table + "." + trigger;
    }

    @Override
    public Trigger withComment(String text) {
        return new Trigger(table, trigger, definition, text, dependsOn);
    }

    @Override
    public Trigger withDependsOn(List<String> keys) {
        return new Trigger(table, trigger, definition, comment, keys);
    }
}
