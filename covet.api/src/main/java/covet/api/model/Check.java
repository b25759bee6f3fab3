package covet.api.model;

import covet.api.Preconditions;

/**
 * A CHECK constraint; {@code expression} is the SQL predicate without the CHECK keyword and parentheses;
 * {@code notValid} says existing rows were not checked when it was added (PostgreSQL's NOT VALID).
 */
public record Check(String name, String expression, boolean notValid) {

    public Check {
        Preconditions.notBlank(name, "check constraint name");
        Preconditions.notBlank(expression, "expression of check constraint '" + name + "'");
    }

    public Check(String name, String expression) {
        this(name, expression, false);
    }
}
