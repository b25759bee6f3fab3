package covet.api.model;

import covet.api.Preconditions;

/**
 * An exclusion constraint; {@code definition} is the constraint as the database renders it
 * ({@code EXCLUDE USING gist (room WITH =, during WITH &&)}), compared in that form.
 */
public record Exclusion(String name, String definition) {

    public Exclusion {
        Preconditions.notBlank(name, "exclusion constraint name");
        Preconditions.notBlank(definition, "definition of exclusion constraint '" + name + "'");
    }
}
