package covet.engine.lint;

import covet.api.model.Column;
import covet.api.model.Table;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterComment;
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
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunJava;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.List;
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
        if (db == DatabaseKind.SQLITE && !InPlaceChanges.sqliteAddsColumn(c)) {
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
            if (typeChanges && !InPlaceChanges.postgresCoercible(before.type(), after.type())) {
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
            if (typeChanges && !InPlaceChanges.mysqlInPlace(before.type(), after.type())) {
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

    /** Java migrations change data, not the schema model; like RunSQL they are not analysed. */
    @Override
    public Void visit(RunJava op) {
        return null;
    }

    @Override
    public Void visit(AddPrimaryKey op) {
        if (!ctx.existingTable(op.table())) {
            return null;
        }
        if (db == DatabaseKind.POSTGRESQL) {
            ctx.report(LintRule.CREATE_INDEX_LOCK, "the primary key of " + op.table() + " builds its index (and"
                    + " checks every row for NULL) under an ACCESS EXCLUSIVE lock (CREATE UNIQUE INDEX CONCURRENTLY,"
                    + " then ADD PRIMARY KEY USING INDEX, avoids the index build)");
        } else if (db == DatabaseKind.MYSQL) {
            ctx.report(LintRule.TABLE_REBUILD, "InnoDB adds the primary key of " + op.table() + " by rebuilding"
                    + " the table, reading and writing every row");
        } else if (db == DatabaseKind.SQLITE) {
            rebuild(op.table(), "SQLite adds a primary key by rebuilding the table");
        }
        return null;
    }

    @Override
    public Void visit(DropPrimaryKey op) {
        if (!ctx.existingTable(op.table())) {
            return null;
        }
        if (db == DatabaseKind.MYSQL) {
            ctx.report(LintRule.TABLE_COPY, "InnoDB drops the primary key of " + op.table() + " by copying the"
                    + " table (ALGORITHM=COPY) while writes wait");
        } else if (db == DatabaseKind.SQLITE) {
            rebuild(op.table(), "SQLite drops a primary key by rebuilding the table");
        }
        return null;
    }

    @Override
    public Void visit(AddExclusion op) {
        if (db == DatabaseKind.POSTGRESQL && ctx.existingTable(op.table())) {
            ctx.report(LintRule.CREATE_INDEX_LOCK, "exclusion constraint " + op.exclusion().name() + " builds its"
                    + " index under an ACCESS EXCLUSIVE lock on " + op.table() + " (there is no concurrent way)");
        }
        return null;
    }

    @Override
    public Void visit(DropExclusion op) {
        return null;
    }

    @Override
    public Void visit(AlterTable op) {
        if (db == DatabaseKind.POSTGRESQL && ctx.existingTable(op.table()) && op.previousOptions() != null
                && !java.util.Objects.equals(op.options().get("unlogged"), op.previousOptions().get("unlogged"))) {
            ctx.report(LintRule.TABLE_REBUILD, "SET " + (op.options().containsKey("unlogged") ? "UNLOGGED" : "LOGGED")
                    + " rewrites " + op.table() + " under an ACCESS EXCLUSIVE lock (reads and writes wait)");
        }
        if (db == DatabaseKind.MYSQL && ctx.existingTable(op.table()) && op.previousOptions() != null) {
            // ENGINE, the default collation (CONVERT TO), ROW_FORMAT and KEY_BLOCK_SIZE make InnoDB copy the table
            List<String> copied = new ArrayList<>();
            for (String option : List.of("engine", "collate", "row_format", "key_block_size")) {
                if (!java.util.Objects.equals(op.options().get(option), op.previousOptions().get(option))) {
                    copied.add(option);
                }
            }
            if (!copied.isEmpty()) {
                ctx.report(LintRule.TABLE_REBUILD, "changing " + String.join(", ", copied) + " of " + op.table()
                        + " copies the whole table (ALGORITHM=COPY: writes wait, and a collation change"
                        + " converts every text column)");
            }
        }
        return null;
    }

    /**
     * PostgreSQL comments in place; MySQL has no statement that changes an index comment alone, so the key is
     * dropped and added again in one ALTER TABLE, and for the primary key InnoDB rebuilds the table.
     */
    @Override
    public Void visit(AlterComment op) {
        if (db == DatabaseKind.MYSQL && op.target() == AlterComment.Target.PRIMARY_KEY
                && ctx.existingTable(op.table())) {
            ctx.report(LintRule.TABLE_REBUILD, "MySQL changes the comment of the primary key of " + op.table()
                    + " by dropping and adding the key: InnoDB rebuilds the table");
        }
        return null;
    }

    @Override
    public Void visit(AttachPartition op) {
        if (db == DatabaseKind.POSTGRESQL && ctx.existingTable(op.table())) {
            ctx.report(LintRule.FULL_SCAN_LOCK, "attaching " + op.table() + " to " + op.partition().parent()
                    + " reads every row of " + op.table() + " to check it against the bound, under an ACCESS"
                    + " EXCLUSIVE lock on " + op.table() + ", and fails if a row lies outside it (a validated CHECK"
                    + " matching the bound, added first, lets PostgreSQL skip the scan)");
        }
        return null;
    }

    @Override
    public Void visit(DetachPartition op) {
        return null;
    }

    @Override
    public Void visit(CreateObject op) {
        ObjectChecks.materialized(ctx, op);
        return null;
    }

    @Override
    public Void visit(DropObject op) {
        return null;
    }

    @Override
    public Void visit(AlterObject op) {
        ObjectChecks.materialized(ctx, op);
        return null;
    }
}
