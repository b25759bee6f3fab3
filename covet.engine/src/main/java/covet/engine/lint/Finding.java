package covet.engine.lint;

import covet.api.Preconditions;

/**
 * One lint finding: which rule, how severe, where (migration id, operation number counted from 1 as in every other
 * message, and the operation's kind and description) and why.
 */
public record Finding(String rule, Severity severity, String migrationId, int operation, String kind,
                      String description, String why) {

    public Finding {
        Preconditions.notBlank(rule, "finding rule");
        Preconditions.notNull(severity, "finding severity");
        Preconditions.notBlank(migrationId, "finding migration id");
    }

    /** The same finding at another severity (what {@code --strict} does to warnings). */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(rule, newSeverity, migrationId, operation, kind, description, why);
    }

    /**
     * One line for a terminal:
     * {@code ERROR data-loss/drop-column 20260101_000002_x op 3 (DropColumn: drop column users.email): why}.
     */
    public String line() {
        return severity + " " + rule + " " + migrationId + " op " + operation + " (" + kind + ": " + description
                + "): " + why;
    }

    @Override
    public String toString() {
        return line();
    }
}
