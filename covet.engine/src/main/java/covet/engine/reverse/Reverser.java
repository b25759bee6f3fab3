package covet.engine.reverse;

import covet.api.IrreversibleOperationException;
import covet.api.migration.Migration;
import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The downgrade derived from the upgrade (as in Alembic): each operation's reverse, in reverse order. */
public final class Reverser {
    private Reverser() {
    }

    /** The operations that undo the first {@code applied} operations of {@code migration}. */
    public static List<Operation> reverse(Migration migration, int applied) {
        List<Operation> ops = migration.operations();
        List<Operation> undo = new ArrayList<>();
        for (int i = applied - 1; i >= 0; i--) {
            Optional<Operation> r = ops.get(i).reverse();
            if (r.isEmpty()) {
                throw new IrreversibleOperationException("migration " + migration.id() + " (" + migration.where()
                        + ") cannot be rolled back: operation " + (i + 1) + " of " + ops.size() + " ("
                        + ops.get(i).describe() + ") is irreversible: " + ops.get(i).whyIrreversible()
                        + ". Nothing was changed.");
            }
            undo.add(r.get());
        }
        return undo;
    }

    public static List<Operation> reverse(Migration migration) {
        return reverse(migration, migration.operations().size());
    }
}
