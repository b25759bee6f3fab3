package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A scheduled event (MySQL/MariaDB {@code CREATE EVENT}); {@code definition} is the whole statement that creates it,
 * as the dialect renders it from the server's catalog (schedule, ON COMPLETION, status and body). Events run SQL
 * against tables and routines, so they are created last and dropped first.
 */
public record Event(String name, String definition, String comment, List<String> dependsOn) implements SchemaObject {

    public Event {
        Preconditions.notBlank(name, "event name");
        Preconditions.notBlank(definition, "definition of event '" + name + "'");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.EVENT;
    }

    @Override
    public Event withComment(String text) {
        return new Event(name, definition, text, dependsOn);
    }

    @Override
    public Event withDependsOn(List<String> keys) {
        return new Event(name, definition, comment, keys);
    }
}
