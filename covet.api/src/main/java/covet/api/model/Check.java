package covet.api.model;

import covet.api.Preconditions;

/** A CHECK constraint; {@code expression} is the SQL predicate without the CHECK keyword and parentheses. */
public record Check(String name, String expression) {

    public Check {
        Preconditions.notBlank(name, "check constraint name");
        Preconditions.notBlank(expression, "expression of check constraint '" + name + "'");
    }
}
