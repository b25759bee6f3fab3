package covet.engine.diff;

import covet.api.operation.AddColumn;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateTable;
import covet.api.operation.DropColumn;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;

/**
 * Says in words how a database differs from its migrations, given an operation that would turn the migrations'
 * schema into the live one.
 */
public final class DriftDescriber {
    private DriftDescriber() {
    }

    public static String describe(Operation op) {
        if (op instanceof CreateTable c) {
            return "table " + c.table().name() + " exists in the database but in no migration";
        }
        if (op instanceof DropTable d) {
            return "table " + d.name() + " is missing from the database";
        }
        if (op instanceof AddColumn a) {
            return "column " + a.table() + "." + a.column().name() + " exists in the database but in no migration";
        }
        if (op instanceof DropColumn d) {
            return "column " + d.table() + "." + d.name() + " is missing from the database";
        }
        if (op instanceof AlterColumn a) {
            return "column " + a.table() + "." + a.column().name() + " differs: the migrations say "
                    + (a.previous() == null ? "?" : spell(a.previous())) + ", the database has " + spell(a.column());
        }
        return "the database differs from the migrations: to match it one would " + op.describe();
    }

    private static String spell(covet.api.model.Column c) {
        return c.type().spelling() + (c.nullable() ? "" : " not null")
                + (c.defaultValue() != null ? " default " + c.defaultValue() : "")
                + (c.autoIncrement() ? " auto-increment" : "");
    }
}
