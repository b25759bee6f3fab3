package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.inSchemaOf;
import static covet.dialect.postgres.PostgresNames.literal;
import static covet.dialect.postgres.PostgresNames.quote;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.model.PrimaryKey;
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
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The SQL for each operation. Every statement runs inside the migration's transaction (PostgreSQL DDL is
 * transactional), so an operation may take several statements.
 */
final class PostgresRenderer implements OperationVisitor<List<String>> {
    private final Supplier<Schema> current;

    PostgresRenderer(Supplier<Schema> current) {
        this.current = current;
    }

    @Override
    public List<String> visit(CreateTable op) {
        return PostgresTableSql.createTable(op.table());
    }

    @Override
    public List<String> visit(DropTable op) {
        return List.of("DROP TABLE " + table(op.name()));
    }

    @Override
    public List<String> visit(AddColumn op) {
        List<String> out = new ArrayList<>(PostgresTableSql.prerequisites(op.table(), List.of(op.column())));
        out.add(alterTable(op.table()) + "ADD COLUMN " + PostgresTableSql.columnDefinition(op.column()));
        if (op.column().comment() != null) {
            out.add(PostgresTableSql.columnComment(op.table(), op.column()));
        }
        return out;
    }

    @Override
    public List<String> visit(DropColumn op) {
        return List.of(alterTable(op.table()) + "DROP COLUMN " + quote(op.name()));
    }

    @Override
    public List<String> visit(AlterColumn op) {
        return new PostgresAlterColumn(op.table(), op.column(), op.previous()).statements();
    }

    @Override
    public List<String> visit(RenameTable op) {
        List<String> out = new ArrayList<>();
        String fromLocal = PostgresNames.localName(op.from());
        String toLocal = PostgresNames.localName(op.to());
        String toSchema = PostgresNames.schemaOf(op.to());
        String renamed = op.from();
        if (!fromLocal.equals(toLocal)) {
            out.add(alterTable(op.from()) + "RENAME TO " + quote(toLocal));
            String schema = PostgresNames.schemaOf(op.from());
            renamed = schema == null ? toLocal : schema + "." + toLocal;
        }
        if (!Objects.equals(PostgresNames.schemaOf(op.from()), toSchema)) {
            out.add(toSchema != null ? alterTable(renamed) + "SET SCHEMA " + quote(toSchema)
                    // the current schema's name is known only to the session
                    : PostgresObjects.doBlock(" BEGIN EXECUTE format('ALTER TABLE %s SET SCHEMA %I', "
                    + literal(table(renamed)) + ", current_schema()); END "));
        }
        out.addAll(renameGeneratedKey(op, fromLocal, toLocal));
        return out;
    }

    /**
     * An unnamed primary key is {@code <table>_pkey} (the normaliser says so too): it follows the table's new name,
     * as a fresh CREATE TABLE would name it. {@code current} is a model (the key unnamed) or the live schema (the
     * key named {@code <old table>_pkey}); a key named otherwise is the user's and keeps its name. The key's
     * index is renamed with the constraint.
     */
    private List<String> renameGeneratedKey(RenameTable op, String fromLocal, String toLocal) {
        if (fromLocal.equals(toLocal) || current == null) {
            return List.of();
        }
        Table before = current.get().table(op.from()).orElse(null);
        String generated = PostgresNames.generated(fromLocal, null, "pkey");
        if (before == null || before.primaryKey() == null || !(before.primaryKey().name() == null
                || before.primaryKey().name().equals(generated))) {
            return List.of();
        }
        return List.of(alterTable(op.to()) + "RENAME CONSTRAINT " + quote(generated) + " TO "
                + quote(PostgresNames.generated(toLocal, null, "pkey")));
    }

    @Override
    public List<String> visit(RenameColumn op) {
        return List.of(alterTable(op.table()) + "RENAME COLUMN " + quote(op.from()) + " TO " + quote(op.to()));
    }

    @Override
    public List<String> visit(CreateIndex op) {
        String sql = PostgresTableSql.createIndex(op.table(), op.index());
        List<String> out = new ArrayList<>();
        out.add(op.concurrently() ? sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY ") : sql);
        if (op.index().comment() != null) {
            out.add(PostgresTableSql.indexComment(op.table(), op.index().name(), op.index().comment()));
        }
        return out;
    }

    @Override
    public List<String> visit(DropIndex op) {
        return List.of("DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + inSchemaOf(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddForeignKey op) {
        return PostgresTableSql.addConstraint(op.table(), PostgresTableSql.foreignKeyClause(op.foreignKey()),
                op.foreignKey().name(), op.foreignKey().comment());
    }

    @Override
    public List<String> visit(DropForeignKey op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddUniqueConstraint op) {
        return PostgresTableSql.addConstraint(op.table(), PostgresTableSql.uniqueClause(op.unique()),
                op.unique().name(), op.unique().comment());
    }

    @Override
    public List<String> visit(DropUniqueConstraint op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddCheck op) {
        return PostgresTableSql.addConstraint(op.table(), PostgresTableSql.checkClause(op.check()),
                op.check().name(), op.check().comment());
    }

    @Override
    public List<String> visit(DropCheck op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddPrimaryKey op) {
        return PostgresTableSql.addConstraint(op.table(), PostgresTableSql.primaryKeyClause(op.key()),
                PostgresTableSql.primaryKeyName(op.table(), op.key()), op.key().comment());
    }

    /**
     * An unnamed key is the one the database named {@code <table>_pkey}; without a definition the key the live
     * table holds names it.
     */
    @Override
    public List<String> visit(DropPrimaryKey op) {
        String name = op.definition() == null ? null : op.definition().name();
        if (name == null && op.definition() == null && current != null) {
            name = current.get().table(op.table()).map(Table::primaryKey).map(PrimaryKey::name).orElse(null);
        }
        if (name == null) {
            name = PostgresNames.generated(PostgresNames.localName(op.table()), null, "pkey");
        }
        return List.of(dropConstraint(op.table(), name));
    }

    @Override
    public List<String> visit(AddExclusion op) {
        return PostgresTableSql.addConstraint(op.table(), PostgresTableSql.exclusionClause(op.exclusion()),
                op.exclusion().name(), op.exclusion().comment());
    }

    @Override
    public List<String> visit(DropExclusion op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AlterTable op) {
        return PostgresTableSettings.statements(op);
    }

    /**
     * {@code COMMENT ON INDEX} / {@code COMMENT ON CONSTRAINT}: in place. An unnamed primary key is the one the
     * table holds (its name from the live schema when known), else {@code <table>_pkey}.
     */
    @Override
    public List<String> visit(AlterComment op) {
        if (op.target() == AlterComment.Target.INDEX) {
            return List.of(PostgresTableSql.indexComment(op.table(), op.name(), op.comment()));
        }
        String name = op.name();
        if (name == null && current != null) {
            name = current.get().table(op.table()).map(Table::primaryKey).map(PrimaryKey::name).orElse(null);
        }
        if (name == null) {
            name = PostgresNames.generated(PostgresNames.localName(op.table()), null, "pkey");
        }
        return List.of(PostgresTableSql.constraintComment(op.table(), name, op.comment()));
    }

    @Override
    public List<String> visit(AttachPartition op) {
        return List.of(alterTable(op.partition().parent()) + "ATTACH PARTITION " + table(op.table()) + " "
                + op.partition().bound());
    }

    /**
     * A detached partition keeps, as its own, what the server cloned from the parent (key and unique constraints,
     * foreign keys, inherited checks, indexes attached to the parent's). The model never lists those on a
     * partition, so they are dropped with the detach: the table is then what the model says it is, and attaching
     * it again clones them anew.
     */
    @Override
    public List<String> visit(DetachPartition op) {
        String detach = alterTable(op.partition().parent()) + "DETACH PARTITION " + table(op.table());
        return List.of(PostgresObjects.doBlock("\n"
                + "DECLARE\n"
                + "    part regclass := " + literal(table(op.table())) + "::regclass;\n"
                + "    cloned text[];\n"
                + "    attached text[];\n"
                + "    n text;\n"
                + "BEGIN\n"
                + "    SELECT array_agg(conname ORDER BY contype <> 'f', conname) INTO cloned FROM pg_constraint\n"
                + "        WHERE conrelid = part AND (conparentid <> 0 OR (contype = 'c' AND NOT conislocal));\n"
                + "    SELECT array_agg(i.inhrelid::regclass::text) INTO attached FROM pg_inherits i\n"
                + "        JOIN pg_index x ON x.indexrelid = i.inhrelid\n"
                + "        WHERE x.indrelid = part AND NOT EXISTS (SELECT 1 FROM pg_constraint c\n"
                + "            WHERE c.conrelid = part AND c.conindid = i.inhrelid);\n"
                + "    " + detach + ";\n"
                + "    FOREACH n IN ARRAY coalesce(cloned, '{}') LOOP\n"
                + "        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', part, n);\n"
                + "    END LOOP;\n"
                + "    FOREACH n IN ARRAY coalesce(attached, '{}') LOOP\n"
                + "        EXECUTE format('DROP INDEX %s', n);\n"
                + "    END LOOP;\n"
                + "END "));
    }

    @Override
    public List<String> visit(CreateObject op) {
        return PostgresObjects.create(op.object());
    }

    @Override
    public List<String> visit(DropObject op) {
        return PostgresObjects.drop(op.object());
    }

    @Override
    public List<String> visit(AlterObject op) {
        return PostgresObjects.alter(op.object(), op.previous());
    }

    @Override
    public List<String> visit(RunSQL op) {
        return op.sql();
    }

    private static String dropConstraint(String tableName, String name) {
        return alterTable(tableName) + "DROP CONSTRAINT " + quote(name);
    }

    static String alterTable(String tableName) {
        return "ALTER TABLE " + table(tableName) + " ";
    }

    static String names(List<String> columns) {
        return columns.stream().map(PostgresNames::quote).collect(Collectors.joining(", "));
    }
}
