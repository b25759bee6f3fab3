package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import java.util.Optional;

/**
 * Runs a {@link covet.api.migration.JavaMigration}'s {@code up} (or, with {@code down}, its {@code down}). It is
 * executed by the runner, never rendered to SQL: dialects leave it to the visitor's default.
 */
public record RunJava(String className, int version, boolean reversible, boolean down) implements Operation {

    public RunJava {
        Preconditions.notBlank(className, "RunJava.className");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return reversible ? Optional.of(new RunJava(className, version, true, !down)) : Optional.empty();
    }

    @Override
    public String whyIrreversible() {
        return "Java migration " + className + " does not declare itself reversible";
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema;
    }

    @Override
    public String describe() {
        return "run Java migration " + className + (down ? " (down)" : "") + " v" + version;
    }
}
