package covet.engine.state;

import covet.api.SchemaStateException;
import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import java.util.List;

/**
 * Replays migrations on the schema model (Django's state_forwards): the schema a set of migrations produces,
 * without a database.
 */
public final class StateReplayer {
    private StateReplayer() {
    }

    public static Schema replay(Schema start, List<Migration> migrations) {
        Schema state = start;
        for (Migration m : migrations) {
            state = replay(state, m);
        }
        return state;
    }

    public static Schema replay(Schema start, Migration migration) {
        Schema state = start;
        List<Operation> ops = migration.operations();
        for (int i = 0; i < ops.size(); i++) {
            try {
                state = ops.get(i).applyTo(state);
            } catch (SchemaStateException | IllegalArgumentException e) {
                throw new SchemaStateException("migration " + migration.id() + " (" + migration.where()
                        + "), operation " + (i + 1) + " (" + ops.get(i).kind() + ": " + ops.get(i).describe()
                        + "): " + e.getMessage());
            }
        }
        return state;
    }
}
