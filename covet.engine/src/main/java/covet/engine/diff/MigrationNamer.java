package covet.engine.diff;

import covet.api.operation.AddColumn;
import covet.api.operation.CreateTable;
import covet.api.operation.DropColumn;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;
import java.util.List;

/** A readable name for a generated migration, from what it does: {@code create_users}, {@code add_users_bio}. */
public final class MigrationNamer {
    private MigrationNamer() {
    }

    public static String name(List<Operation> ops) {
        if (ops.isEmpty()) {
            return "empty";
        }
        String first = describe(ops.get(0));
        return ops.size() == 1 ? first : first + "_and_more";
    }

    private static String describe(Operation op) {
        if (op instanceof CreateTable c) {
            return "create_" + c.table().name();
        }
        if (op instanceof DropTable d) {
            return "drop_" + d.name();
        }
        if (op instanceof AddColumn a) {
            return "add_" + a.table() + "_" + a.column().name();
        }
        if (op instanceof DropColumn d) {
            return "remove_" + d.table() + "_" + d.name();
        }
        // e.g. "create function last_day(timestamp with time zone)" -> create_function_last_day_timestamp_with_...
        return op.describe().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toLowerCase();
    }
}
