package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import java.util.Optional;

/** Drops a named object; it carries the whole definition, so its reverse re-creates it exactly. */
public record DropObject(SchemaObject object) implements Operation {

    public DropObject {
        Preconditions.notNull(object, "DropObject.object");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new CreateObject(object));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.dropObject(object.key());
    }

    @Override
    public String describe() {
        return "drop " + object.describe();
    }
}
