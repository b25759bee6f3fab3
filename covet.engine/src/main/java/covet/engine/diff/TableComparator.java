package covet.engine.diff;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.PrimaryKey;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterComment.Target;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Compares one table present on both sides: columns by name (added, dropped, altered with the previous definition
 * kept), the primary key, then indexes, unique constraints, checks, exclusions and foreign keys by name (a changed
 * one is dropped and re-added; one whose comment alone changes has its comment altered in place), the comment and
 * options, and where the table sits in partitioning.
 */
final class TableComparator {
    private TableComparator() {
    }

    static void compare(Table from, Table to, OperationPlan plan) {
        String table = to.name();
        if (!Objects.equals(from.partitionBy(), to.partitionBy())) {
            throw new UnsupportedChangeException("table '" + table + "': its partition key changes from "
                    + describePartitioning(from) + " to " + describePartitioning(to) + ", which the database cannot"
                    + " change in place: re-create the table under a new name, copy the rows (RunSQL), drop the old"
                    + " one and rename the new one, in separate steps");
        }
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
        if (!Objects.equals(from.comment(), to.comment()) || !from.options().equals(to.options())) {
            plan.column(new AlterTable(table, to.comment(), to.options(), from.comment(), from.options()));
        }
        PrimaryKey fromKey = from.primaryKey();
        PrimaryKey toKey = to.primaryKey();
        if (primaryKeyChanges(fromKey, toKey)) {
            if (fromKey != null) {
                plan.dropConstraint(new DropPrimaryKey(table, fromKey));
            }
            if (toKey != null) {
                plan.addConstraint(new AddPrimaryKey(table, toKey));
            }
        } else if (toKey != null && !Objects.equals(fromKey.comment(), toKey.comment())) {
            plan.column(new AlterComment(table, Target.PRIMARY_KEY, toKey.name() != null ? toKey.name()
                    : fromKey.name(), toKey.comment(), fromKey.comment()));
        }
        Commented<Index> indexes = new Commented<>(Target.INDEX, Index::name, Index::comment, Index::withComment);
        named(from.indexes(), to.indexes(), indexes, i -> new CreateIndex(table, i),
                i -> new DropIndex(table, i.name(), i), table, plan);
        named(from.uniques(), to.uniques(), new Commented<>(Target.CONSTRAINT, UniqueConstraint::name,
                        UniqueConstraint::comment, UniqueConstraint::withComment),
                u -> new AddUniqueConstraint(table, u), u -> new DropUniqueConstraint(table, u.name(), u), table,
                plan);
        named(from.checks(), to.checks(), new Commented<>(Target.CONSTRAINT, Check::name, Check::comment,
                        Check::withComment),
                c -> new AddCheck(table, c), c -> new DropCheck(table, c.name(), c), table, plan);
        named(from.exclusions(), to.exclusions(), new Commented<>(Target.CONSTRAINT, Exclusion::name,
                        Exclusion::comment, Exclusion::withComment),
                x -> new AddExclusion(table, x), x -> new DropExclusion(table, x.name(), x), table, plan);
        for (ForeignKey target : to.foreignKeys()) {
            var current = from.foreignKey(target.name());
            if (current.isPresent() && onlyCommentDiffers(current.get(), target, ForeignKey::comment,
                    ForeignKey::withComment)) {
                plan.column(new AlterComment(table, Target.CONSTRAINT, target.name(), target.comment(),
                        current.get().comment()));
            } else if (current.isEmpty() || !current.get().equals(target)) {
                current.ifPresent(c -> plan.dropForeignKey(new DropForeignKey(table, c.name(), c)));
                plan.addForeignKey(new AddForeignKey(table, target));
            }
        }
        for (ForeignKey current : from.foreignKeys()) {
            if (to.foreignKey(current.name()).isEmpty()) {
                plan.dropForeignKey(new DropForeignKey(table, current.name(), current));
            }
        }
        // a partition leaves its parent before its columns or its parent change, and joins once both are ready
        if (!Objects.equals(from.partitionOf(), to.partitionOf())) {
            if (from.partitionOf() != null) {
                plan.dropConstraint(new DetachPartition(table, from.partitionOf()));
            }
            if (to.partitionOf() != null) {
                plan.addConstraint(new AttachPartition(table, to.partitionOf()));
            }
        }
    }

    /**
     * A primary key changes when its columns do, or when the wanted one is named differently. A key the user did
     * not name keeps whatever name the database gave it: Covet does not invent one, so no name means any name. A
     * key whose comment alone changes does not change: its comment is altered in place.
     */
    static boolean primaryKeyChanges(PrimaryKey from, PrimaryKey to) {
        if (from == null || to == null) {
            return from != to;
        }
        return !from.columns().equals(to.columns()) || to.name() != null && !to.name().equals(from.name());
    }

    /** How to read and replace the comment of one kind of index or constraint, and what carries it. */
    private record Commented<T>(Target target, Function<T, String> name, Function<T, String> comment,
                                BiFunction<T, String, T> withComment) {
    }

    /** True when {@code current} and {@code target} differ, and only in their comment. */
    private static <T> boolean onlyCommentDiffers(T current, T target, Function<T, String> comment,
                                                  BiFunction<T, String, T> withComment) {
        return !current.equals(target) && withComment.apply(current, comment.apply(target)).equals(target);
    }

    /**
     * Same-named items are compared: one that differs is dropped and added again, except when only its comment
     * differs, which is altered in place (re-building an index or re-validating a constraint for a comment would
     * cost a scan and a lock for nothing).
     */
    private static <T> void named(List<T> from, List<T> to, Commented<T> kind, Function<T, Operation> add,
                                  Function<T, Operation> drop, String table, OperationPlan plan) {
        Function<T, String> name = kind.name();
        BiFunction<List<T>, String, T> find = (list, n) -> list.stream().filter(x -> name.apply(x).equals(n))
                .findFirst().orElse(null);
        for (T target : to) {
            T current = find.apply(from, name.apply(target));
            if (current != null && onlyCommentDiffers(current, target, kind.comment(), kind.withComment())) {
                plan.column(new AlterComment(table, kind.target(), name.apply(target), kind.comment().apply(target),
                        kind.comment().apply(current)));
            } else if (current == null || !current.equals(target)) {
                if (current != null) {
                    plan.dropConstraint(drop.apply(current));
                }
                plan.addConstraint(add.apply(target));
            }
        }
        for (T current : from) {
            if (find.apply(to, name.apply(current)) == null) {
                plan.dropConstraint(drop.apply(current));
            }
        }
    }

    private static String describePartitioning(Table t) {
        return t.partitionBy() == null ? "none (not partitioned)" : t.partitionBy();
    }
}
