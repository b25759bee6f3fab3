package covet.engine.diff;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Compares one table present on both sides: columns by name (added, dropped, altered with the previous definition
 * kept), then indexes, unique constraints, checks and foreign keys by name; a changed one is dropped and re-added.
 */
final class TableComparator {
    private TableComparator() {
    }

    static void compare(Table from, Table to, OperationPlan plan) {
        String table = to.name();
        for (Column target : to.columns()) {
            var current = from.column(target.name());
            if (current.isEmpty()) {
                plan.column(new AddColumn(table, target));
            } else if (!current.get().equals(target)) {
                plan.column(new AlterColumn(table, target, current.get()));
            }
        }
        for (Column current : from.columns()) {
            if (to.column(current.name()).isEmpty()) {
                plan.column(new DropColumn(table, current.name(), current));
            }
        }
        if (!Objects.equals(keyColumns(from), keyColumns(to))) {
            throw new UnsupportedChangeException("table '" + table + "': its primary key changes from "
                    + describe(from) + " to " + describe(to) + "; Covet has no operation for that yet: write it as "
                    + "RunSQL with reverseSql");
        }
        named(from.indexes(), to.indexes(), Index::name,
                (t, i) -> new CreateIndex(table, i), (t, i) -> new DropIndex(table, i.name(), i), table, plan);
        named(from.uniques(), to.uniques(), UniqueConstraint::name,
                (t, u) -> new AddUniqueConstraint(table, u),
                (t, u) -> new DropUniqueConstraint(table, u.name(), u), table, plan);
        named(from.checks(), to.checks(), Check::name,
                (t, c) -> new AddCheck(table, c), (t, c) -> new DropCheck(table, c.name(), c), table, plan);
        for (ForeignKey target : to.foreignKeys()) {
            var current = from.foreignKey(target.name());
            if (current.isEmpty() || !current.get().equals(target)) {
                current.ifPresent(c -> plan.dropForeignKey(new DropForeignKey(table, c.name(), c)));
                plan.addForeignKey(new AddForeignKey(table, target));
            }
        }
        for (ForeignKey current : from.foreignKeys()) {
            if (to.foreignKey(current.name()).isEmpty()) {
                plan.dropForeignKey(new DropForeignKey(table, current.name(), current));
            }
        }
    }

    private static <T> void named(List<T> from, List<T> to, Function<T, String> name,
                                  BiFunction<String, T, Operation> add, BiFunction<String, T, Operation> drop,
                                  String table, OperationPlan plan) {
        for (T target : to) {
            T current = from.stream().filter(x -> name.apply(x).equals(name.apply(target))).findFirst().orElse(null);
            if (current == null || !current.equals(target)) {
                if (current != null) {
                    plan.dropConstraint(drop.apply(table, current));
                }
                plan.addConstraint(add.apply(table, target));
            }
        }
        for (T current : from) {
            if (to.stream().noneMatch(x -> name.apply(x).equals(name.apply(current)))) {
                plan.dropConstraint(drop.apply(table, current));
            }
        }
    }

    /** A primary key's name carries no meaning the model can change, so only its columns are compared. */
    private static java.util.List<String> keyColumns(Table t) {
        return t.primaryKey() == null ? null : t.primaryKey().columns();
    }

    private static String describe(Table t) {
        return t.primaryKey() == null ? "none" : "(" + String.join(", ", t.primaryKey().columns()) + ")";
    }
}
