package covet.engine.load;

import covet.api.MalformedMigrationException;
import covet.api.migration.Migration;
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
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.spi.Dialect;

/**
 * Names a migration creates must fit the database's identifier limit ({@link Dialect#maxIdentifierLength}), or the
 * migration is refused when it is loaded, naming file, operation, name and limit (issue 18): PostgreSQL would cut a
 * longer name to 63 bytes with only a NOTICE, so two names could collide and later diffs would see another name.
 * Only names an operation brings into being are checked; a drop names what already exists.
 */
public final class IdentifierLimits {
    private final Migration migration;
    private final Dialect dialect;
    private final int limit;
    private String where;

    private IdentifierLimits(Migration migration, Dialect dialect) {
        this.migration = migration;
        this.dialect = dialect;
        this.limit = dialect.maxIdentifierLength();
    }

    /** Refuses {@code m} when a name it creates is longer than {@code dialect} keeps. */
    public static void check(Migration m, Dialect dialect) {
        if (dialect.maxIdentifierLength() > 0) {
            new IdentifierLimits(m, dialect).check();
        }
    }

    private void check() {
        int n = 0;
        for (Operation op : migration.operations()) {
            n++;
            where = "operation " + n + " (" + op.kind() + ")";
            if (op instanceof CreateTable t) {
                table(t.table());
            } else if (op instanceof AddColumn a) {
                column(a.column());
            } else if (op instanceof AlterColumn a) {
                column(a.column());
            } else if (op instanceof RenameTable r) {
                name("table", r.to());
            } else if (op instanceof RenameColumn r) {
                name("column", r.to());
            } else if (op instanceof CreateIndex c) {
                index(c.index());
            } else if (op instanceof AddForeignKey a) {
                foreignKey(a.foreignKey());
            } else if (op instanceof AddUniqueConstraint a) {
                unique(a.unique());
            } else if (op instanceof AddCheck a) {
                check(a.check());
            } else if (op instanceof AddPrimaryKey a) {
                primaryKey(a.key());
            } else if (op instanceof AddExclusion a) {
                exclusion(a.exclusion());
            } else if (op instanceof CreateObject c) {
                name(c.object().getClass().getSimpleName(), c.object().name());
            }
        }
    }

    private void table(Table t) {
        name("table", t.name());
        t.columns().forEach(this::column);
        primaryKey(t.primaryKey());
        t.uniques().forEach(this::unique);
        t.indexes().forEach(this::index);
        t.foreignKeys().forEach(this::foreignKey);
        t.checks().forEach(this::check);
        t.exclusions().forEach(this::exclusion);
    }

    private void column(Column c) {
        if (c != null) {
            name("column", c.name());
        }
    }

    private void index(Index i) {
        name("index", i.name());
    }

    private void foreignKey(ForeignKey f) {
        name("foreign key", f.name());
    }

    private void unique(UniqueConstraint u) {
        name("unique constraint", u.name());
    }

    private void check(Check c) {
        name("check", c.name());
    }

    private void primaryKey(PrimaryKey k) {
        if (k != null) {
            name("primary key", k.name());
        }
    }

    private void exclusion(Exclusion x) {
        name("exclusion constraint", x.name());
    }

    private void name(String kind, String name) {
        if (name == null) {
            return;
        }
        // a schema-qualified name (schema.table) is two identifiers, each under the limit
        for (String part : name.split("\\.", -1)) {
            int length = dialect.identifierLength(part);
            if (length > limit) {
                throw new MalformedMigrationException(migration.where(), where + ": the " + kind + " name " + name
                        + " is longer than " + dialect.name() + "'s identifier limit of " + limit + " (as "
                        + dialect.name() + " counts it, it is " + length + " long); the database would truncate or "
                        + "refuse it. Choose a shorter name.");
            }
        }
    }
}
