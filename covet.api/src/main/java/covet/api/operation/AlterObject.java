package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.EnumType;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import java.util.Optional;

/**
 * Changes a named object in place, from {@code previous} to {@code object} (same kind and name): enum values added
 * or renamed, sequence options, a view's query or a routine's body replaced, a trigger re-created, a comment set or
 * unset. The dialect renders the smallest change its database has ({@code ALTER TYPE ... ADD VALUE},
 * {@code CREATE OR REPLACE VIEW}, ...). {@code previous} (may be null) makes the change reversible.
 */
public record AlterObject(SchemaObject object, SchemaObject previous) implements Operation {

    public AlterObject {
        Preconditions.notNull(object, "AlterObject.object");
        Preconditions.check(previous == null || previous.key().equals(object.key()),
                "AlterObject changes one object: previous is " + (previous == null ? "" : previous.describe())
                        + ", object is " + object.describe());
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.ofNullable(previous).map(p -> new AlterObject(p, object));
    }

    @Override
    public String whyIrreversible() {
        return "AlterObject of " + object.describe() + " carries no previous definition";
    }

    /** True when an enum loses a value: the database can only do that by re-creating the type. */
    public boolean removesEnumValue() {
        return previous instanceof EnumType before && object instanceof EnumType after
                && !after.values().containsAll(before.values()) && before.values().size() >= after.values().size();
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.replaceObject(object);
    }

    @Override
    public String describe() {
        return "alter " + object.describe();
    }
}
