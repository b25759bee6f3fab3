package covet.api.model;

import covet.api.Preconditions;

/**
 * An exclusion constraint; {@code definition} is the constraint as the database renders it
 * ({@code EXCLUDE USING gist (room WITH =, during WITH &&)}), compared in that form; {@code comment} null for none.
 */
public record Exclusion(String name, String definition, String comment) {

    public Exclusion {
        Preconditions.notBlank(name, "exclusion constraint name");
        Preconditions.notBlank(definition, "definition of exclusion constraint '" + name + "'");
    }

    public Exclusion(String name, String definition) {
        this(name, definition, null);
    }

    public Exclusion withDefinition(String newDefinition) {
        return new Exclusion(name, newDefinition, comment);
    }

    public Exclusion withComment(String newComment) {
        return new Exclusion(name, definition, newComment);
    }
}
