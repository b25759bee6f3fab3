package covet.engine.lint;

import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.LogicalType;
import covet.api.model.Table;
import covet.api.model.TypeKind;
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
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunJava;
import covet.api.operation.RunSQL;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an operation costs on the database at hand: locks that block writes for as long as the table is read, and
 * rewrites or copies of the whole table. Only existing tables count; a table made in the same migration is empty.
 */
final class CostRules implements OperationVisitor<Void> {
    /** PostgreSQL functions whose default is computed per row, which rules out the fast ADD COLUMN. */
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile(
            "(random|gen_random_uuid|uuid_generate_v[14]|clock_timestamp|timeofday|nextval)\\s*\\(",
            Pattern.CASE_INSENSITIVE);
    /** A literal SQLite's ADD COLUMN takes as default without rebuilding. */
    private static final Pattern SQLITE_CONSTANT = Pattern.compile(
            "-?\\d+(\\.\\d+)?|'([^']|'')*'|null|true|false", Pattern.CASE_INSENSITIVE);

    private final LintContext ctx;
    private final DatabaseKind db;

    CostRules(LintContext ctx, DatabaseKind db) {
        this.ctx = ctx;
        this.db = db;
    }

    @Override
    public Void visit(CreateTable op) {
        return null;
    }

    @Override
    public Void visit(DropTable op) {
        return null;
    }

    @Override
    public Void visit(AddColumn op) {
        if (!ctx.existingTable(op.table())) {
            return null;
        }
        Column c = op.column();
        if (db == DatabaseKind.POSTGRESQL && (c.autoIncrement()
                || (c.defaultValue() != null && VOLATILE_DEFAULT.matcher(c.defaultValue()).find()))) {
            ctx.report(LintRule.ADD_COLUMN_REWRITE, op.table() + " is rewritten under an exclusive lock to fill "
                    + c.name() + (c.autoIncrement() ? " with identity values" : " with " + c.defaultValue())
                    + " row by row");
        }
        if (db == DatabaseKind.SQLITE && !sqliteAddsInPlace(c)) {
            rebuild(op.table(), "SQLite's ADD COLUMN cannot add " + c.name() + " as defined (NOT NULL without a"
                    + " default, a key, or a non-constant default)");
        }
        return null;
    }

    @Override
    public Void visit(DropColumn op) {
        if (!ctx.existingTable(op.table())) {
            return null;
        }
        if (db == DatabaseKind.SQLITE) {
            rebuild(op.table(), "SQLite drops a column by rebuilding the table");
        }
        Optional<Table> t = ctx.table(op.table());
        if (db == DatabaseKind.MYSQL && t.isPresent() && t.get().primaryKey() != null
                && t.get().primaryKey().columns().contains(op.name())) {
            ctx.report(LintRule.TABLE_COPY, "dropping " + op.name() + " drops the primary key of " + op.table()
                    + ", which InnoDB does by copying the table (ALGORITHM=COPY) while writes wait");
        }
        return null;
    }

    @Override
    public Void visit(AlterColumn op) {
        if (!ctx.existingTable(op.table())) {
            return null;
        }
        Column after = op.column();
        Column before = ctx.column(op.table(), after.name()).orElse(op.previous());
        String name = op.table() + "." + after.name();
        if (db == DatabaseKind.SQLITE || (db == DatabaseKind.OTHER && !ctx.alterColumnInPlace())) {
            rebuild(op.table(), "the database alters " + name + " by rebuilding the table");
            return null;
        }
        if (before == null) {
            return null;
        }
        boolean typeChanges = TypeNarrowing.changes(before.type(), after.type());
        if (db == DatabaseKind.POSTGRESQL) {
            if (typeChanges && !postgresCoercible(before.type(), after.type())) {
                ctx.report(LintRule.ALTER_TYPE_REWRITE, name + " from " + before.type().spelling() + " to "
                        + after.type().spelling() + " rewrites " + op.table() + " and rebuilds its indexes under an"
                        + " ACCESS EXCLUSIVE lock (reads and writes wait)");
            }
            if (before.nullable() && !after.nullable()) {
                ctx.report(LintRule.FULL_SCAN_LOCK, "SET NOT NULL on " + name + " reads every row under an ACCESS"
                        + " EXCLUSIVE lock (a validated CHECK (" + after.name() + " IS NOT NULL) first avoids it)");
            }
        }
        if (db == DatabaseKind.MYSQL) {
            if (typeChanges && !mysqlInPlace(before.type(), after.type())) {
                ctx.report(LintRule.ALTER_TYPE_REWRITE, name + " from " + before.type().spelling() + " to "
                        + after.type().spelling() + " copies " + op.table() + " (ALGORITHM=COPY) while writes wait");
            } else if (before.nullable() != after.nullable()) {
                ctx.report(LintRule.TABLE_REBUILD, "changing NULL / NOT NULL of " + name + " rebuilds "
                        + op.table() + " in place, reading and writing every row");
            }
        }
        return null;
    }

    @Override
    public Void visit(RenameTable op) {
        return null;
    }

    @Override
    public Void visit(RenameColumn op) {
        return null;
    }

    @Override
    public Void visit(CreateIndex op) {
        if (db == DatabaseKind.POSTGRESQL && ctx.existingTable(op.table()) && !op.concurrently()) {
            ctx.report(LintRule.CREATE_INDEX_LOCK, "CREATE INDEX " + op.index().name() + " blocks writes to "
                    + op.table() + " until the index is built; for a large table give the operation "
                    + "\"concurrently\": true and put it in a migration of its own");
        }
        return null;
    }

    @Override
    public Void visit(DropIndex op) {
        return null;
    }

    @Override
    public Void visit(AddForeignKey op) {
        if (!ctx.existingTable(op.table())) {
            return null;
        }
        String fk = op.foreignKey().name();
        if (db == DatabaseKind.POSTGRESQL) {
            ctx.report(LintRule.FULL_SCAN_LOCK, "foreign key " + fk + " is validated against every row of "
                    + op.table() + " while writes to " + op.table() + " and " + op.foreignKey().referencedTable()
                    + " wait (ADD ... NOT VALID, then VALIDATE CONSTRAINT, avoids it)");
        } else if (db == DatabaseKind.MYSQL) {
            ctx.report(LintRule.TABLE_COPY, "with foreign key checks on, InnoDB adds " + fk + " by copying "
                    + op.table() + " (ALGORITHM=COPY) while writes wait");
        } else if (db == DatabaseKind.SQLITE) {
            rebuild(op.table(), "SQLite adds a foreign key by rebuilding the table");
        }
        return null;
    }

    @Override
    public Void visit(DropForeignKey op) {
        if (db == DatabaseKind.SQLITE && ctx.existingTable(op.table())) {
            rebuild(op.table(), "SQLite drops a foreign key by rebuilding the table");
        }
        return null;
    }

    @Override
    public Void visit(AddUniqueConstraint op) {
        if (!ctx.existingTable(op.table())) {
            return null;
        }
        if (db == DatabaseKind.POSTGRESQL) {
            ctx.report(LintRule.CREATE_INDEX_LOCK, "unique constraint " + op.unique().name() + " builds its index"
                    + " under an ACCESS EXCLUSIVE lock on " + op.table() + " (CREATE UNIQUE INDEX CONCURRENTLY,"
                    + " then ADD CONSTRAINT ... USING INDEX, avoids it)");
        } else if (db == DatabaseKind.SQLITE) {
            rebuild(op.table(), "SQLite adds a unique constraint by rebuilding the table");
        }
        return null;
    }

    @Override
    public Void visit(DropUniqueConstraint op) {
        if (db == DatabaseKind.SQLITE && ctx.existingTable(op.table())) {
            rebuild(op.table(), "SQLite drops a unique constraint by rebuilding the table");
        }
        return null;
    }

    @Override
    public Void visit(AddCheck op) {
        if (!ctx.existingTable(op.table())) {
            return null;
        }
        if (db == DatabaseKind.POSTGRESQL) {
            ctx.report(LintRule.FULL_SCAN_LOCK, "check " + op.check().name() + " is validated against every row of "
                    + op.table() + " under an ACCESS EXCLUSIVE lock (ADD ... NOT VALID, then VALIDATE CONSTRAINT,"
                    + " avoids it)");
        } else if (db == DatabaseKind.SQLITE) {
            rebuild(op.table(), "SQLite adds a check constraint by rebuilding the table");
        }
        return null;
    }

    @Override
    public Void visit(DropCheck op) {
        if (db == DatabaseKind.SQLITE && ctx.existingTable(op.table())) {
            rebuild(op.table(), "SQLite drops a check constraint by rebuilding the table");
        }
        return null;
    }

    @Override
    public Void visit(RunSQL op) {
        return null;
    }

    private void rebuild(String table, String why) {
        ctx.report(LintRule.TABLE_REBUILD, why + ": " + table + " is created anew, every row copied, the old one"
                + " dropped, while the write lock is held");
    }

    private static boolean sqliteAddsInPlace(Column c) {
        if (c.autoIncrement()) {
            return false;
        }
        if (c.defaultValue() == null) {
            return c.nullable();
        }
        String d = c.defaultValue().strip();
        return SQLITE_CONSTANT.matcher(d).matches() && (c.nullable() || !d.equalsIgnoreCase("null"));
    }

    /** PostgreSQL changes these without touching the rows (binary-coercible, or a wider limit). */
    private static boolean postgresCoercible(ColumnType from, ColumnType to) {
        if (!(from instanceof LogicalType) || !(to instanceof LogicalType)) {
            return false;
        }
        LogicalType a = (LogicalType) from;
        LogicalType b = (LogicalType) to;
        boolean aText = a.kind() == TypeKind.VARCHAR || a.kind() == TypeKind.TEXT;
        if (aText && b.kind() == TypeKind.TEXT) {
            return true;
        }
        if (aText && b.kind() == TypeKind.VARCHAR) {
            return b.length() == null || (a.kind() == TypeKind.VARCHAR && a.length() != null
                    && b.length() >= a.length());
        }
        if (a.kind() == TypeKind.DECIMAL && b.kind() == TypeKind.DECIMAL) {
            return b.precision() == null || (a.precision() != null && b.precision() >= a.precision()
                    && scale(a) == scale(b));
        }
        return false;
    }

    /**
     * InnoDB widens a VARCHAR in place while its length prefix keeps its size (up to 255 bytes, or above:
     * 63 / 64 characters at utf8mb4's 4 bytes); every other type change copies the table.
     */
    private static boolean mysqlInPlace(ColumnType from, ColumnType to) {
        if (!(from instanceof LogicalType) || !(to instanceof LogicalType)) {
            return false;
        }
        LogicalType a = (LogicalType) from;
        LogicalType b = (LogicalType) to;
        if (a.kind() != TypeKind.VARCHAR || b.kind() != TypeKind.VARCHAR || a.length() == null
                || b.length() == null || b.length() < a.length()) {
            return false;
        }
        return (a.length() <= 63) == (b.length() <= 63);
    }

    private static int scale(LogicalType decimal) {
        return decimal.scale() == null ? 0 : decimal.scale();
    }

    /** Java migrations change data, not the schema model; like RunSQL they are not analysed. */
    @Override
    public Void visit(RunJava op) {
        return null;
    }
}
