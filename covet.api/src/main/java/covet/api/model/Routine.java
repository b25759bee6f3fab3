package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A function or procedure. {@code name} is its signature ({@code last_day(timestamp with time zone)}), since
 * routines overload; {@code definition} is the whole statement that creates it as the database renders it
 * ({@code pg_get_functiondef}: {@code CREATE OR REPLACE FUNCTION ...}).
 */
public record Routine(String name, boolean procedure, String definition, String comment, List<String> dependsOn)
        implements SchemaObject {

    public Routine {
        Preconditions.notBlank(name, "routine name");
        Preconditions.notBlank(definition, "definition of routine '" + name + "'");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return procedure ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION;
    }

    @Override
    public Routine withComment(String text) {
        return new Routine(name, procedure, definition, text, dependsOn);
    }

    @Override
    public Routine withDependsOn(List<String> keys) {
        return new Routine(name, procedure, definition, comment, keys);
    }
}
