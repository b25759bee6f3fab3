package covet.api.operation;

import covet.api.Preconditions;
import covet.api.model.EnumType;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import java.util.List;
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

    /**
     * True when an enum loses a value or its values change order: the database can only do that by re-creating the
     * type. Added values and renamed ones (same count, a label replaced in place) are changed in place.
     */
    public boolean removesEnumValue() {
        if (!(previous instanceof EnumType before) || !(object instanceof EnumType after)) {
            return false;
        }
        List<String> was = before.values();
        List<String> now = after.values();
        if (was.size() == now.size()) {
            boolean renames = true;
            for (int i = 0; i < was.size(); i++) {
                boolean same = was.get(i).equals(now.get(i));
                boolean renamed = !now.contains(was.get(i)) && !was.contains(now.get(i));
                renames &= same || renamed;
            }
            if (renames) {
                return false;
            }
        }
        // what is kept must keep its order: adding values never reorders the others
        List<String> kept = was.stream().filter(now::contains).toList();
        List<String> keptNow = now.stream().filter(was::contains).toList();
        return kept.size() < was.size() || !kept.equals(keptNow);
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
