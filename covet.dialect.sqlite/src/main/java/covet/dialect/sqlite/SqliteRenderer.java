package covet.dialect.sqlite;

import covet.api.model.Column;
import covet.api.model.Index;
import covet.api.model.Schema;
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
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.AddExclusion;
import covet.api.operation.DropExclusion;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.DetachPartition;
import covet.api.operation.CreateObject;
import covet.api.operation.DropObject;
import covet.api.operation.AlterObject;
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The statements for each operation. What SQLite's ALTER TABLE does natively (rename a table or a column, add a
 * plain column) is one statement; every other table change is a {@link SqliteTableRebuild}, which needs the schema
 * just before the operation.
 */
final class SqliteRenderer implements OperationVisitor<List<String>> {
    private final Supplier<Schema> current;

    SqliteRenderer(Supplier<Schema> current) {
        this.current = current;
    }

    @Override
    public List<String> visit(CreateTable op) {
        List<String> out = new ArrayList<>();
        out.add(SqliteDdl.createTable(op.table(), op.table().name()));
        for (Index index : op.table().indexes()) {
            out.add(SqliteDdl.createIndex(op.table().name(), index));
        }
        return out;
    }

    @Override
    public List<String> visit(DropTable op) {
        return List.of("DROP TABLE " + SqliteDdl.quote(op.name()));
    }

    @Override
    public List<String> visit(AddColumn op) {
        if (!addableInPlace(op.column())) {
            return rebuild(op, op.table());
        }
        return List.of("ALTER TABLE " + SqliteDdl.quote(op.table()) + " ADD COLUMN "
                + SqliteDdl.columnDefinition(op.column(), null, false));
    }

    /** SQLite's ADD COLUMN rules: no key, a constant default, and NOT NULL only with a non-NULL default. */
    private static boolean addableInPlace(Column c) {
        if (c.autoIncrement() || SqliteTableRebuild.isGenerated(c)) {
            return false;
        }
        String dflt = SqliteDefaults.normalize(c.defaultValue());
        if (dflt == null) {
            return c.nullable();
        }
        return SqliteDefaults.allowedInAddColumn(dflt);
    }

    @Override
    public List<String> visit(DropColumn op) {
        return rebuild(op, op.table());
    }

    @Override
    public List<String> visit(AlterColumn op) {
        return rebuild(op, op.table());
    }

    /**
     * A native rename. Constraints written unnamed are read under names derived from the table's name, which the
     * rename would change while the model keeps them: such a table is first rebuilt with every constraint named.
     */
    @Override
    public List<String> visit(RenameTable op) {
        List<String> out = new ArrayList<>();
        Schema before = current.get();
        if (SqliteConstraintLayout.of(before.requireTable(op.from())).hasUnnamed()) {
            out.addAll(SqliteTableRebuild.withNamedConstraints(before, op.from()));
        }
        out.add("ALTER TABLE " + SqliteDdl.quote(op.from()) + " RENAME TO " + SqliteDdl.quote(op.to()));
        return out;
    }

    /** A native rename, after a rebuild with named constraints where an unnamed one's derived name has the column. */
    @Override
    public List<String> visit(RenameColumn op) {
        List<String> out = new ArrayList<>();
        Schema before = current.get();
        if (SqliteConstraintLayout.of(before.requireTable(op.table())).unnamedUses(op.from())) {
            out.addAll(SqliteTableRebuild.withNamedConstraints(before, op.table()));
        }
        out.add("ALTER TABLE " + SqliteDdl.quote(op.table()) + " RENAME COLUMN " + SqliteDdl.quote(op.from())
                + " TO " + SqliteDdl.quote(op.to()));
        return out;
    }

    @Override
    public List<String> visit(CreateIndex op) {
        return List.of(SqliteDdl.createIndex(op.table(), op.index()));
    }

    @Override
    public List<String> visit(DropIndex op) {
        return List.of("DROP INDEX " + SqliteDdl.quote(op.name()));
    }

    @Override
    public List<String> visit(AddForeignKey op) {
        return rebuild(op, op.table());
    }

    @Override
    public List<String> visit(DropForeignKey op) {
        return rebuild(op, op.table());
    }

    @Override
    public List<String> visit(AddUniqueConstraint op) {
        return rebuild(op, op.table());
    }

    @Override
    public List<String> visit(DropUniqueConstraint op) {
        return rebuild(op, op.table());
    }

    @Override
    public List<String> visit(AddCheck op) {
        return rebuild(op, op.table());
    }

    @Override
    public List<String> visit(DropCheck op) {
        return rebuild(op, op.table());
    }

    @Override
    public List<String> visit(AddPrimaryKey op) {
        return rebuild(op, op.table());
    }

    /**
     * A rebuild without the key. An AUTOINCREMENT column is SQLite's INTEGER PRIMARY KEY itself: its key cannot go
     * while it stays AUTOINCREMENT, and the rebuild would quietly keep it, so that is refused.
     */
    @Override
    public List<String> visit(DropPrimaryKey op) {
        current.get().requireTable(op.table()).columns().stream().filter(Column::autoIncrement).findFirst()
                .ifPresent(c -> {
                    throw new SqliteUnsupportedException("cannot drop the primary key of " + op.table() + ": its"
                            + " AUTOINCREMENT column " + c.name() + " is the primary key itself; turn AUTOINCREMENT"
                            + " off first (an AlterColumn before the DropPrimaryKey)");
                });
        return rebuild(op, op.table());
    }

    @Override
    public List<String> visit(AddExclusion op) {
        throw SqliteLimits.notSupported(op.table(), "exclusion constraint " + op.exclusion().name()
                + ": exclusion constraints are");
    }

    @Override
    public List<String> visit(DropExclusion op) {
        throw SqliteLimits.notSupported(op.table(), "exclusion constraint " + op.name()
                + ": exclusion constraints are");
    }

    /**
     * SQLite has no comments: a comment change is nothing to run (the normaliser drops comments on both sides, as
     * CreateTable leaves them out). STRICT and WITHOUT ROWID are fixed when a table is created: a change of them is
     * a rebuild.
     */
    @Override
    public List<String> visit(AlterTable op) {
        java.util.Map<String, String> before = current.get().requireTable(op.table()).options();
        if (SqliteTableOptions.normalize(op.options()).equals(SqliteTableOptions.normalize(before))) {
            return List.of();
        }
        return rebuild(op, op.table());
    }

    /** SQLite has no comments: as for a table's comment, there is nothing to run (the normaliser drops them). */
    @Override
    public List<String> visit(AlterComment op) {
        return List.of();
    }

    @Override
    public List<String> visit(AttachPartition op) {
        throw SqliteLimits.notSupported(op.table(), "attaching it as a partition of " + op.partition().parent()
                + ": declarative partitioning is");
    }

    @Override
    public List<String> visit(DetachPartition op) {
        throw SqliteLimits.notSupported(op.table(), "detaching it from " + op.partition().parent()
                + ": declarative partitioning is");
    }

    @Override
    public List<String> visit(CreateObject op) {
        return List.of(SqliteObjectDdl.create(op.object()));
    }

    @Override
    public List<String> visit(DropObject op) {
        return List.of(SqliteObjectDdl.drop(op.object()));
    }

    /** SQLite has no CREATE OR REPLACE: a changed view, trigger or virtual table is dropped and created again. */
    @Override
    public List<String> visit(AlterObject op) {
        if (op.object().key().equals(op.previous().key())
                && SqliteObjectDdl.create(op.object()).equals(SqliteObjectDdl.create(op.previous()))) {
            return List.of(); // a comment change: SQLite has none
        }
        return List.of(SqliteObjectDdl.drop(op.previous()), SqliteObjectDdl.create(op.object()));
    }

    @Override
    public List<String> visit(RunSQL op) {
        return op.sql();
    }

    private List<String> rebuild(Operation op, String table) {
        return SqliteTableRebuild.statements(current.get(), op, table);
    }
}
