package covet.engine.optimize;

import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.HashSet;
import java.util.List;
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
        Set<ObjectKey> reads = new HashSet<>();
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
                ObjectKey.order(op.table(), "columns")), Set.of(), false);
    }

    @Override
    public Footprint visit(DropColumn op) {
        return new Footprint(Set.of(ObjectKey.column(op.table(), op.name())), Set.of(), false);
    }

    @Override
    public Footprint visit(AlterColumn op) {
        return new Footprint(Set.of(ObjectKey.column(op.table(), op.column().name())), Set.of(), false);
    }

    @Override
    public Footprint visit(RenameTable op) {
        return new Footprint(Set.of(ObjectKey.table(op.from()), ObjectKey.table(op.to())), Set.of(), false);
    }

    @Override
    public Footprint visit(RenameColumn op) {
        return new Footprint(Set.of(ObjectKey.column(op.table(), op.from()), ObjectKey.column(op.table(), op.to())),
                Set.of(), false);
    }

    @Override
    public Footprint visit(CreateIndex op) {
        return appended(op.table(), op.index().name(), "indexes", indexReads(op.table(), op.index()));
    }

    @Override
    public Footprint visit(DropIndex op) {
        return named(op.table(), op.name(), op.definition() == null ? Set.of(ObjectKey.table(op.table()))
                : indexReads(op.table(), op.definition()));
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
        return appended(op.table(), op.unique().name(), "unique constraints", uniqueReads(op.table(), op.unique()));
    }

    @Override
    public Footprint visit(DropUniqueConstraint op) {
        return named(op.table(), op.name(), op.definition() == null ? Set.of(ObjectKey.table(op.table()))
                : uniqueReads(op.table(), op.definition()));
    }

    @Override
    public Footprint visit(AddCheck op) {
        return appended(op.table(), op.check().name(), "checks", Set.of(ObjectKey.table(op.table())));
    }

    @Override
    public Footprint visit(DropCheck op) {
        return named(op.table(), op.name(), Set.of(ObjectKey.table(op.table())));
    }

    @Override
    public Footprint visit(RunSQL op) {
        return Footprint.OPAQUE;
    }

    private static Footprint named(String table, String name, Set<ObjectKey> reads) {
        return new Footprint(Set.of(ObjectKey.constraint(table, name)), reads, false);
    }

    private static Footprint appended(String table, String name, String list, Set<ObjectKey> reads) {
        return new Footprint(Set.of(ObjectKey.constraint(table, name), ObjectKey.order(table, list)), reads, false);
    }

    private static Set<ObjectKey> indexReads(String table, Index index) {
        if (index.where() != null) {
            return Set.of(ObjectKey.table(table));
        }
        Set<ObjectKey> reads = new HashSet<>();
        for (IndexColumn part : index.columns()) {
            if (part.isExpression()) {
                return Set.of(ObjectKey.table(table));
            }
            reads.add(ObjectKey.column(table, part.name()));
        }
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
    }

    private static Set<ObjectKey> columns(String table, List<String> columns, Set<ObjectKey> into) {
        for (String c : columns) {
            into.add(ObjectKey.column(table, c));
        }
        return into;
    }
}
