package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import java.util.Optional;

/** Creates a named object other than a table: a namespace, extension, type, sequence, view, routine or trigger. */
public record CreateObject(SchemaObject object) implements Operation {

    public CreateObject {
        Preconditions.notNull(object, "CreateObject.object");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visit(this);
    }

    @Override
    public Optional<Operation> reverse() {
        return Optional.of(new DropObject(object));
    }

    @Override
    public Schema applyTo(Schema schema) {
        return schema.addObject(object);
    }

    @Override
    public String describe() {
        return "create " + object.describe();
    }
}
