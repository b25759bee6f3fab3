package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresNames.inSchemaOf;
import static covet.dialect.postgres.PostgresNames.literal;
import static covet.dialect.postgres.PostgresNames.quote;
import static covet.dialect.postgres.PostgresNames.table;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
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
        Table t = op.table();
        List<String> out = new ArrayList<>(prerequisites(t.name(), t.columns()));
        List<String> parts = new ArrayList<>();
        t.columns().forEach(c -> parts.add(columnDefinition(c)));
        if (t.primaryKey() != null) {
            parts.add(constraintPrefix(t.primaryKey().name()) + "PRIMARY KEY (" + names(t.primaryKey().columns())
                    + ")");
        }
        t.uniques().forEach(u -> parts.add(uniqueClause(u)));
        t.checks().forEach(c -> parts.add(checkClause(c)));
        t.foreignKeys().forEach(f -> parts.add(foreignKeyClause(f)));
        out.add("CREATE TABLE " + table(t.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)");
        t.indexes().forEach(i -> out.add(createIndex(t.name(), i)));
        if (t.comment() != null) {
            out.add("COMMENT ON TABLE " + table(t.name()) + " IS " + literal(t.comment()));
        }
        t.columns().stream().filter(c -> c.comment() != null).forEach(c -> out.add(columnComment(t.name(), c)));
        return out;
    }

    @Override
    public List<String> visit(DropTable op) {
        return List.of("DROP TABLE " + table(op.name()));
    }

    @Override
    public List<String> visit(AddColumn op) {
        List<String> out = new ArrayList<>(prerequisites(op.table(), List.of(op.column())));
        out.add(alterTable(op.table()) + "ADD COLUMN " + columnDefinition(op.column()));
        if (op.column().comment() != null) {
            out.add(columnComment(op.table(), op.column()));
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
                    : "DO $covet$ BEGIN EXECUTE format('ALTER TABLE %s SET SCHEMA %I', "
                    + literal(table(renamed)) + ", current_schema()); END $covet$");
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
        String sql = createIndex(op.table(), op.index());
        return List.of(op.concurrently() ? sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY ") : sql);
    }

    @Override
    public List<String> visit(DropIndex op) {
        return List.of("DROP INDEX " + (op.concurrently() ? "CONCURRENTLY " : "") + inSchemaOf(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddForeignKey op) {
        return List.of(alterTable(op.table()) + "ADD " + foreignKeyClause(op.foreignKey()));
    }

    @Override
    public List<String> visit(DropForeignKey op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddUniqueConstraint op) {
        return List.of(alterTable(op.table()) + "ADD " + uniqueClause(op.unique()));
    }

    @Override
    public List<String> visit(DropUniqueConstraint op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddCheck op) {
        return List.of(alterTable(op.table()) + "ADD " + checkClause(op.check()));
    }

    @Override
    public List<String> visit(DropCheck op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(RunSQL op) {
        return op.sql();
    }

    /**
     * What must exist before a table or column can: its schema, and a sequence that a {@code nextval} default names
     * (the model has no sequence object; the sequence is created with default settings when missing).
     */
    static List<String> prerequisites(String tableName, List<Column> columns) {
        List<String> out = new ArrayList<>();
        String schema = PostgresNames.schemaOf(tableName);
        if (schema != null) {
            out.add("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        }
        for (Column c : columns) {
            String sequence = c.autoIncrement() ? null : PostgresDefaults.nextvalSequence(c.defaultValue());
            if (sequence != null) {
                // the text inside nextval('...') is already an SQL name, quoted where it needs to be
                out.add("CREATE SEQUENCE IF NOT EXISTS " + sequence);
            }
        }
        return out;
    }

    static String columnDefinition(Column c) {
        StringBuilder b = new StringBuilder(quote(c.name())).append(' ').append(PostgresTypes.toSql(c.type()));
        if (c.autoIncrement()) {
            requireIntegral(c);
            b.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        if (!c.nullable()) {
            b.append(" NOT NULL");
        }
        if (c.defaultValue() != null && !c.autoIncrement()) {
            b.append(" DEFAULT ").append(c.defaultValue());
        }
        return b.toString();
    }

    static void requireIntegral(Column c) {
        if (!PostgresTypes.isIntegral(c.type())) {
            throw new IllegalArgumentException("postgresql: auto-increment column '" + c.name()
                    + "' must be smallint, integer or bigint, not " + c.type().spelling());
        }
    }

    static String columnComment(String tableName, Column c) {
        return "COMMENT ON COLUMN " + table(tableName) + "." + quote(c.name()) + " IS "
                + (c.comment() == null ? "NULL" : literal(c.comment()));
    }

    static String createIndex(String tableName, Index i) {
        String keys = i.columns().stream().map(PostgresRenderer::indexKey).collect(Collectors.joining(", "));
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + quote(i.name()) + " ON " + table(tableName)
                + " (" + keys + ")" + (i.where() != null ? " WHERE " + i.where() : "");
    }

    private static String indexKey(IndexColumn k) {
        String key = k.isExpression() ? "(" + k.expression() + ")" : quote(k.name());
        return k.descending() ? key + " DESC" : key;
    }

    private static String uniqueClause(UniqueConstraint u) {
        return constraintPrefix(u.name()) + "UNIQUE (" + names(u.columns()) + ")";
    }

    private static String checkClause(Check c) {
        return constraintPrefix(c.name()) + "CHECK (" + c.expression() + ")";
    }

    private static String foreignKeyClause(ForeignKey f) {
        StringBuilder b = new StringBuilder(constraintPrefix(f.name())).append("FOREIGN KEY (")
                .append(names(f.columns())).append(") REFERENCES ").append(table(f.referencedTable()))
                .append(" (").append(names(f.referencedColumns())).append(')');
        if (f.onDelete() != ReferentialAction.NO_ACTION) {
            b.append(" ON DELETE ").append(f.onDelete().sql());
        }
        if (f.onUpdate() != ReferentialAction.NO_ACTION) {
            b.append(" ON UPDATE ").append(f.onUpdate().sql());
        }
        return b.toString();
    }

    private static String constraintPrefix(String name) {
        return name == null ? "" : "CONSTRAINT " + quote(name) + " ";
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
