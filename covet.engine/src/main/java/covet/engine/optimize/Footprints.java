package covet.engine.optimize;

import covet.api.model.Column;
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
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The footprint of each operation. Implicit effects count: dropping a column drops the indexes and keys over it, so
 * those read the column; renaming a table renames the foreign keys that reference it, so those read the table's
 * columns. What cannot be known (a check's expression, an index expression, a drop without its definition) reads
 * the whole table. Creations also write the order of the list they append to.
 */
public final class Footprints implements OperationVisitor<Footprint> {
    private static final Footprints INSTANCE = new Footprints();

    private Footprints() {
    }

    public static Footprint of(Operation op) {
        return op.accept(INSTANCE);
    }

    @Override
    public Footprint visit(CreateTable op) {
        Table t = op.table();
        Set<ObjectKey> reads = Uses.of(t);
        for (ForeignKey fk : t.foreignKeys()) {
            if (!fk.referencedTable().equals(t.name())) {
                referenced(fk, reads);
            }
        }
        return new Footprint(Set.of(ObjectKey.table(t.name()), ObjectKey.order("", "tables")), reads, false);
    }

    @Override
    public Footprint visit(DropTable op) {
        return new Footprint(Set.of(ObjectKey.table(op.name())), Set.of(), false);
    }

    @Override
    public Footprint visit(AddColumn op) {
        return new Footprint(Set.of(ObjectKey.column(op.table(), op.column().name()),
                ObjectKey.order(op.table(), "columns")), columnReads(op.column()), false);
    }

    @Override
    public Footprint visit(DropColumn op) {
        return new Footprint(Set.of(ObjectKey.column(op.table(), op.name())), Set.of(), false);
    }

    @Override
    public Footprint visit(AlterColumn op) {
        return new Footprint(Set.of(ObjectKey.column(op.table(), op.column().name())), columnReads(op.column()),
                false);
    }

    @Override
    public Footprint visit(RenameTable op) {
        Set<ObjectKey> reads = new HashSet<>();
        Uses.namespace(op.to(), reads);
        return new Footprint(Set.of(ObjectKey.table(op.from()), ObjectKey.table(op.to())), reads, false);
    }

    @Override
    public Footprint visit(RenameColumn op) {
        return new Footprint(Set.of(ObjectKey.column(op.table(), op.from()), ObjectKey.column(op.table(), op.to())),
                Set.of(), false);
    }

    @Override
    public Footprint visit(CreateIndex op) {
        return keyed(appended(op.table(), op.index().name(), "indexes", indexReads(op.table(), op.index())),
                op.table(), op.index().unique());
    }

    @Override
    public Footprint visit(DropIndex op) {
        return keyed(named(op.table(), op.name(), op.definition() == null ? Set.of(ObjectKey.table(op.table()))
                : indexReads(op.table(), op.definition())), op.table(),
                op.definition() == null || op.definition().unique());
    }

    @Override
    public Footprint visit(AddForeignKey op) {
        return appended(op.table(), op.foreignKey().name(), "foreign keys",
                foreignKeyReads(op.table(), op.foreignKey()));
    }

    @Override
    public Footprint visit(DropForeignKey op) {
        return named(op.table(), op.name(), op.definition() == null ? Set.of(ObjectKey.table(op.table()))
                : foreignKeyReads(op.table(), op.definition()));
    }

    @Override
    public Footprint visit(AddUniqueConstraint op) {
        return keyed(appended(op.table(), op.unique().name(), "unique constraints",
                uniqueReads(op.table(), op.unique())), op.table(), true);
    }

    @Override
    public Footprint visit(DropUniqueConstraint op) {
        return keyed(named(op.table(), op.name(), op.definition() == null ? Set.of(ObjectKey.table(op.table()))
                : uniqueReads(op.table(), op.definition())), op.table(), true);
    }

    @Override
    public Footprint visit(AddCheck op) {
        return appended(op.table(), op.check().name(), "checks", Set.of(ObjectKey.table(op.table()),
                ObjectKey.TYPES_AND_ROUTINES));
    }

    @Override
    public Footprint visit(DropCheck op) {
        return named(op.table(), op.name(), Set.of(ObjectKey.table(op.table())));
    }

    @Override
    public Footprint visit(AddPrimaryKey op) {
        return primaryKey(op.table(), op.key());
    }

    @Override
    public Footprint visit(DropPrimaryKey op) {
        return op.definition() == null ? new Footprint(Set.of(ObjectKey.table(op.table())), Set.of(), false)
                : primaryKey(op.table(), op.definition());
    }

    @Override
    public Footprint visit(AddExclusion op) {
        return appended(op.table(), op.exclusion().name(), "exclusions", Set.of(ObjectKey.table(op.table()),
                ObjectKey.TYPES_AND_ROUTINES));
    }

    @Override
    public Footprint visit(DropExclusion op) {
        return named(op.table(), op.name(), Set.of(ObjectKey.table(op.table())));
    }

    @Override
    public Footprint visit(AlterTable op) {
        Set<ObjectKey> reads = new HashSet<>();
        for (Map<String, String> options : Arrays.asList(op.options(), op.previousOptions())) {
            String inherits = options == null ? null : options.get("inherits");
            if (inherits != null) {
                Arrays.stream(inherits.split(",")).filter(p -> !p.isBlank())
                        .forEach(p -> reads.add(ObjectKey.table(p.strip())));
            }
        }
        return new Footprint(Set.of(ObjectKey.setting(op.table(), "comment and options")), reads, false);
    }

    /** The comment belongs to the index or constraint: writing it is writing that (the primary key's: the key). */
    @Override
    public Footprint visit(AlterComment op) {
        ObjectKey commented = op.target() == AlterComment.Target.PRIMARY_KEY
                ? ObjectKey.setting(op.table(), "primary key") : ObjectKey.constraint(op.table(), op.name());
        return new Footprint(Set.of(commented), Set.of(ObjectKey.table(op.table())), false);
    }

    /** Attaching checks every row against the bound, so the whole partition is written; the parent is read. */
    @Override
    public Footprint visit(AttachPartition op) {
        return new Footprint(Set.of(ObjectKey.table(op.table())), Set.of(ObjectKey.table(op.partition().parent())),
                false);
    }

    @Override
    public Footprint visit(DetachPartition op) {
        return new Footprint(Set.of(ObjectKey.table(op.table())), Set.of(ObjectKey.table(op.partition().parent())),
                false);
    }

    @Override
    public Footprint visit(CreateObject op) {
        return new Footprint(Set.of(ObjectKey.object(op.object()), ObjectKey.order("", "objects")),
                Uses.of(op.object()), false);
    }

    @Override
    public Footprint visit(DropObject op) {
        return new Footprint(Set.of(ObjectKey.object(op.object())), Uses.of(op.object()), false);
    }

    @Override
    public Footprint visit(AlterObject op) {
        Set<ObjectKey> reads = new HashSet<>(Uses.of(op.object()));
        if (op.previous() != null) {
            reads.addAll(Uses.of(op.previous()));
        }
        return new Footprint(Set.of(ObjectKey.object(op.object())), reads, false);
    }

    @Override
    public Footprint visit(RunSQL op) {
        return Footprint.OPAQUE;
    }

    /**
     * A primary key makes its columns NOT NULL and is what foreign keys to them rely on, so it writes its columns as
     * well as the key itself.
     */
    private static Footprint primaryKey(String table, PrimaryKey key) {
        Set<ObjectKey> writes = new HashSet<>(Set.of(ObjectKey.setting(table, "primary key"), keys(table)));
        columns(table, key.columns(), writes);
        return new Footprint(writes, Set.of(), false);
    }

    private static Set<ObjectKey> columnReads(Column column) {
        Set<ObjectKey> reads = new HashSet<>();
        Uses.column(column, reads);
        return reads;
    }

    /**
     * The set of a table's unique keys (primary key, unique constraints, unique indexes): a foreign key needs one
     * over the columns it references, so it must stay after the operation that creates that key and before the one
     * that drops it, though neither names the other.
     */
    private static ObjectKey keys(String table) {
        return ObjectKey.setting(table, "unique keys");
    }

    private static Footprint keyed(Footprint footprint, String table, boolean unique) {
        if (!unique) {
            return footprint;
        }
        Set<ObjectKey> writes = new HashSet<>(footprint.writes());
        writes.add(keys(table));
        return new Footprint(writes, footprint.reads(), footprint.opaque());
    }

    private static Footprint named(String table, String name, Set<ObjectKey> reads) {
        return new Footprint(Set.of(ObjectKey.constraint(table, name)), reads, false);
    }

    private static Footprint appended(String table, String name, String list, Set<ObjectKey> reads) {
        return new Footprint(Set.of(ObjectKey.constraint(table, name), ObjectKey.order(table, list)), reads, false);
    }

    private static Set<ObjectKey> indexReads(String table, Index index) {
        Set<ObjectKey> reads = new HashSet<>();
        Uses.index(table, index, reads);
        return reads;
    }

    private static Set<ObjectKey> uniqueReads(String table, UniqueConstraint unique) {
        return columns(table, unique.columns(), new HashSet<>());
    }

    private static Set<ObjectKey> foreignKeyReads(String table, ForeignKey fk) {
        Set<ObjectKey> reads = columns(table, fk.columns(), new HashSet<>());
        referenced(fk, reads);
        return reads;
    }

    private static void referenced(ForeignKey fk, Set<ObjectKey> into) {
        columns(fk.referencedTable(), fk.referencedColumns(), into);
        into.add(keys(fk.referencedTable()));
    }

    private static Set<ObjectKey> columns(String table, List<String> columns, Set<ObjectKey> into) {
        for (String c : columns) {
            into.add(ObjectKey.column(table, c));
        }
        return into;
    }
}
