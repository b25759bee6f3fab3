package covet.engine.optimize;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pair rules of the optimizer (Django's {@code Operation.reduce()}, kept as a table here because the operation
 * records belong to the API): what an operation followed by another on the same object reduces to. A rule yields
 * zero operations or one, never more, and only what leaves the schema model exactly as the pair does.
 *
 * <p>Deliberately absent: a rename followed by a drop (foreign keys of other tables that follow the rename would be
 * left pointing elsewhere), and a drop followed by a create (that may be a deliberate rebuild).
 */
public final class ReductionRules {

    /** One rule: the reduction of {@code first} then {@code second}, or empty when they do not reduce. */
    @FunctionalInterface
    public interface PairRule<A extends Operation, B extends Operation> {
        Optional<List<Operation>> reduce(A first, B second);
    }

    static final Optional<List<Operation>> NOTHING = Optional.of(List.of());
    private static final ReductionRules STANDARD = standardRules();

    private final Map<List<Class<?>>, PairRule<Operation, Operation>> rules = new HashMap<>();

    private ReductionRules() {
    }

    public static ReductionRules standard() {
        return STANDARD;
    }

    /** What {@code first} then {@code second} reduce to (zero or one operation), or empty. */
    public Optional<List<Operation>> reduce(Operation first, Operation second) {
        PairRule<Operation, Operation> rule = rules.get(List.of(first.getClass(), second.getClass()));
        return rule == null ? Optional.empty() : rule.reduce(first, second);
    }

    /** The pairs that have a rule, as {@code CreateTable+AddColumn}; for documentation and tests. */
    public List<String> pairs() {
        return rules.keySet().stream().map(k -> k.get(0).getSimpleName() + "+" + k.get(1).getSimpleName())
                .sorted().toList();
    }

    @SuppressWarnings("unchecked")
    <A extends Operation, B extends Operation> void add(Class<A> first, Class<B> second, PairRule<A, B> rule) {
        rules.put(List.of(first, second), (PairRule<Operation, Operation>) (PairRule<?, ?>) rule);
    }

    private static ReductionRules standardRules() {
        ReductionRules r = new ReductionRules();
        absorbIntoCreate(r, AddColumn.class, AddColumn::table);
        absorbIntoCreate(r, AlterColumn.class, AlterColumn::table);
        absorbIntoCreate(r, DropColumn.class, DropColumn::table);
        absorbIntoCreate(r, RenameColumn.class, RenameColumn::table);
        absorbIntoCreate(r, RenameTable.class, RenameTable::from);
        absorbIntoCreate(r, CreateIndex.class, CreateIndex::table);
        absorbIntoCreate(r, DropIndex.class, DropIndex::table);
        absorbIntoCreate(r, AddForeignKey.class, AddForeignKey::table);
        absorbIntoCreate(r, DropForeignKey.class, DropForeignKey::table);
        absorbIntoCreate(r, AddUniqueConstraint.class, AddUniqueConstraint::table);
        absorbIntoCreate(r, DropUniqueConstraint.class, DropUniqueConstraint::table);
        absorbIntoCreate(r, AddCheck.class, AddCheck::table);
        absorbIntoCreate(r, DropCheck.class, DropCheck::table);
        absorbIntoCreate(r, AddPrimaryKey.class, AddPrimaryKey::table);
        absorbIntoCreate(r, DropPrimaryKey.class, DropPrimaryKey::table);
        absorbIntoCreate(r, AddExclusion.class, AddExclusion::table);
        absorbIntoCreate(r, DropExclusion.class, DropExclusion::table);
        absorbIntoCreate(r, AlterTable.class, AlterTable::table);
        absorbIntoCreate(r, AlterComment.class, AlterComment::table);
        r.add(CreateTable.class, DropTable.class, (a, b) ->
                a.table().name().equals(b.name()) ? NOTHING : Optional.empty());

        r.add(AddColumn.class, DropColumn.class, (a, b) ->
                sameColumn(a.table(), a.column().name(), b.table(), b.name()) ? NOTHING : Optional.empty());
        r.add(AddColumn.class, AlterColumn.class, (a, b) ->
                sameColumn(a.table(), a.column().name(), b.table(), b.column().name())
                        ? one(new AddColumn(a.table(), b.column())) : Optional.empty());
        r.add(AddColumn.class, RenameColumn.class, (a, b) ->
                sameColumn(a.table(), a.column().name(), b.table(), b.from())
                        ? one(new AddColumn(a.table(), a.column().withName(b.to()))) : Optional.empty());
        r.add(AlterColumn.class, AlterColumn.class, (a, b) -> {
            if (!sameColumn(a.table(), a.column().name(), b.table(), b.column().name())) {
                return Optional.empty();
            }
            return b.column().equals(a.previous()) ? NOTHING : one(new AlterColumn(a.table(), b.column(),
                    a.previous()));
        });
        // the dropped definition is the column before the alteration, so the reverse still restores it
        r.add(AlterColumn.class, DropColumn.class, (a, b) ->
                sameColumn(a.table(), a.column().name(), b.table(), b.name())
                        ? one(new DropColumn(b.table(), b.name(), a.previous())) : Optional.empty());
        r.add(RenameColumn.class, RenameColumn.class, (a, b) -> {
            if (!sameColumn(a.table(), a.to(), b.table(), b.from())) {
                return Optional.empty();
            }
            return a.from().equals(b.to()) ? NOTHING : one(new RenameColumn(a.table(), a.from(), b.to()));
        });
        r.add(RenameTable.class, RenameTable.class, (a, b) -> {
            if (!a.to().equals(b.from())) {
                return Optional.empty();
            }
            return a.from().equals(b.to()) ? NOTHING : one(new RenameTable(a.from(), b.to()));
        });
        r.add(CreateIndex.class, DropIndex.class, (a, b) ->
                sameName(a.table(), a.index().name(), b.table(), b.name()) ? NOTHING : Optional.empty());
        r.add(AddForeignKey.class, DropForeignKey.class, (a, b) ->
                sameName(a.table(), a.foreignKey().name(), b.table(), b.name()) ? NOTHING : Optional.empty());
        r.add(AddUniqueConstraint.class, DropUniqueConstraint.class, (a, b) ->
                sameName(a.table(), a.unique().name(), b.table(), b.name()) ? NOTHING : Optional.empty());
        r.add(AddCheck.class, DropCheck.class, (a, b) ->
                sameName(a.table(), a.check().name(), b.table(), b.name()) ? NOTHING : Optional.empty());
        r.add(AddPrimaryKey.class, DropPrimaryKey.class, (a, b) ->
                a.table().equals(b.table()) ? NOTHING : Optional.empty());
        r.add(AddExclusion.class, DropExclusion.class, (a, b) ->
                sameName(a.table(), a.exclusion().name(), b.table(), b.name()) ? NOTHING : Optional.empty());
        r.add(AlterTable.class, AlterTable.class, ReductionRules::alterTwice);
        r.add(AlterComment.class, AlterComment.class, ReductionRules::commentTwice);
        r.add(AttachPartition.class, DetachPartition.class, (a, b) ->
                a.table().equals(b.table()) && a.partition().equals(b.partition()) ? NOTHING : Optional.empty());
        r.add(DetachPartition.class, AttachPartition.class, (a, b) ->
                a.table().equals(b.table()) && a.partition().equals(b.partition()) ? NOTHING : Optional.empty());
        ObjectRules.add(r);
        return r;
    }

    /** Two changes of a table's comment and options are one, from the first's previous state to the second's. */
    private static Optional<List<Operation>> alterTwice(AlterTable a, AlterTable b) {
        if (!a.table().equals(b.table())) {
            return Optional.empty();
        }
        if (a.previousOptions() != null && Objects.equals(a.previousComment(), b.comment())
                && a.previousOptions().equals(b.options())) {
            return NOTHING;
        }
        return one(new AlterTable(a.table(), b.comment(), b.options(), a.previousComment(), a.previousOptions()));
    }

    /** Two comments on the same index or constraint are one, from the first's previous comment to the second's. */
    private static Optional<List<Operation>> commentTwice(AlterComment a, AlterComment b) {
        if (!a.table().equals(b.table()) || a.target() != b.target() || !Objects.equals(a.name(), b.name())) {
            return Optional.empty();
        }
        return Objects.equals(a.previousComment(), b.comment()) ? NOTHING
                : one(new AlterComment(a.table(), a.target(), a.name(), b.comment(), a.previousComment()));
    }

    /**
     * A change to a table right after its creation becomes part of the creation: the change is applied to a schema
     * that holds only the new table. A change that does not fit (the model refuses it) is left alone.
     */
    private static <B extends Operation> void absorbIntoCreate(ReductionRules r, Class<B> kind,
                                                               Function<B, String> target) {
        r.add(CreateTable.class, kind, (create, change) -> {
            Table table = create.table();
            if (!table.name().equals(target.apply(change))) {
                return Optional.empty();
            }
            try {
                Schema after = change.applyTo(new Schema(List.of(table)));
                if (after.tables().size() != 1) {
                    return Optional.empty();
                }
                return one(new CreateTable(after.tables().get(0)));
            } catch (RuntimeException refused) {
                return Optional.empty();
            }
        });
    }

    private static boolean sameColumn(String tableA, String columnA, String tableB, String columnB) {
        return tableA.equals(tableB) && columnA.equals(columnB);
    }

    private static boolean sameName(String tableA, String nameA, String tableB, String nameB) {
        return tableA.equals(tableB) && nameA.equals(nameB);
    }

    static Optional<List<Operation>> one(Operation op) {
        return Optional.of(List.of(op));
    }
}
