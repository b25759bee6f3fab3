package covet.api.model;

import covet.api.Preconditions;

/**
 * A CHECK constraint; {@code expression} is the SQL predicate without the CHECK keyword and parentheses;
 * {@code notValid} says existing rows were not checked when it was added (PostgreSQL's NOT VALID);
 * {@code comment} null for none.
 */
public record Check(String name, String expression, boolean notValid, String comment) {

    public Check {
        Preconditions.notBlank(name, "check constraint name");
        Preconditions.notBlank(expression, "expression of check constraint '" + name + "'");
    }

    public Check(String name, String expression, boolean notValid) {
        this(name, expression, notValid, null);
    }

    public Check(String name, String expression) {
        this(name, expression, false, null);
    }

    public Check withExpression(String newExpression) {
        return new Check(name, newExpression, notValid, comment);
    }

    public Check withComment(String newComment) {
        return new Check(name, expression, notValid, newComment);
    }
}
