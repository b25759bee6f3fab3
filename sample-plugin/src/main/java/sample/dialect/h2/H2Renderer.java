package sample.dialect.h2;

import covet.api.model.Check;
import covet.api.model.Column;
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
import covet.api.operation.OperationVisitor;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The SQL of each operation in H2 2.x syntax, every identifier quoted through the dialect. */
final class H2Renderer implements OperationVisitor<List<String>> {
    private final UnaryOperator<String> quote;

    H2Renderer(UnaryOperator<String> quote) {
        this.quote = quote;
    }

    @Override
    public List<String> visit(CreateTable op) {
        Table t = op.table();
        List<String> parts = new ArrayList<>();
        t.columns().forEach(c -> parts.add(columnDefinition(c)));
        if (t.primaryKey() != null) {
            parts.add((t.primaryKey().name() == null ? "" : "CONSTRAINT " + quote.apply(t.primaryKey().name()) + " ")
                    + "PRIMARY KEY (" + names(t.primaryKey().columns()) + ")");
        }
        t.uniques().forEach(u -> parts.add(unique(u)));
        t.foreignKeys().forEach(f -> parts.add(foreignKey(f)));
        t.checks().forEach(c -> parts.add(check(c)));
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + quote.apply(t.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)");
        t.indexes().forEach(i -> sql.add(createIndex(t.name(), i)));
        if (t.comment() != null) {
            sql.add("COMMENT ON TABLE " + quote.apply(t.name()) + " IS " + literal(t.comment()));
        }
        t.columns().stream().filter(c -> c.comment() != null).forEach(c -> sql.add(comment(t.name(), c)));
        return sql;
    }

    @Override
    public List<String> visit(DropTable op) {
        return List.of("DROP TABLE " + quote.apply(op.name()));
    }

    @Override
    public List<String> visit(AddColumn op) {
        List<String> sql = new ArrayList<>();
        sql.add(alter(op.table()) + "ADD COLUMN " + columnDefinition(op.column()));
        if (op.column().comment() != null) {
            sql.add(comment(op.table(), op.column()));
        }
        return sql;
    }

    @Override
    public List<String> visit(DropColumn op) {
        return List.of(alter(op.table()) + "DROP COLUMN " + quote.apply(op.name()));
    }

    /**
     * One statement per aspect that changed (all of them when the previous definition is unknown). H2 cannot add
     * or remove an identity in place, so that change is refused before anything runs.
     */
    @Override
    public List<String> visit(AlterColumn op) {
        Column c = op.column();
        Column p = op.previous();
        if (p != null && p.autoIncrement() != c.autoIncrement()) {
            throw new IllegalArgumentException("h2: cannot switch auto-increment of " + op.table() + "." + c.name()
                    + " in place; add a new column and copy the values");
        }
        String column = alter(op.table()) + "ALTER COLUMN " + quote.apply(c.name()) + " ";
        List<String> sql = new ArrayList<>();
        if (p == null || !H2Types.normalize(p.type()).equals(H2Types.normalize(c.type()))) {
            sql.add(column + "SET DATA TYPE " + H2Types.toSql(c.type()));
        }
        if (p == null || p.nullable() != c.nullable()) {
            sql.add(column + (c.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (!c.autoIncrement() && (p == null || !Objects.equals(p.defaultValue(), c.defaultValue()))) {
            sql.add(column + (c.defaultValue() == null ? "DROP DEFAULT" : "SET DEFAULT " + c.defaultValue()));
        }
        if (p == null || !Objects.equals(p.comment(), c.comment())) {
            sql.add(comment(op.table(), c));
        }
        return sql;
    }

    @Override
    public List<String> visit(RenameTable op) {
        return List.of(alter(op.from()) + "RENAME TO " + quote.apply(op.to()));
    }

    @Override
    public List<String> visit(RenameColumn op) {
        return List.of(alter(op.table()) + "ALTER COLUMN " + quote.apply(op.from()) + " RENAME TO "
                + quote.apply(op.to()));
    }

    @Override
    public List<String> visit(CreateIndex op) {
        return List.of(createIndex(op.table(), op.index()));
    }

    /** Index names are unique per schema in H2, so the table is not needed. */
    @Override
    public List<String> visit(DropIndex op) {
        return List.of("DROP INDEX " + quote.apply(op.name()));
    }

    @Override
    public List<String> visit(AddForeignKey op) {
        return List.of(alter(op.table()) + "ADD " + foreignKey(op.foreignKey()));
    }

    @Override
    public List<String> visit(DropForeignKey op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddUniqueConstraint op) {
        return List.of(alter(op.table()) + "ADD " + unique(op.unique()));
    }

    @Override
    public List<String> visit(DropUniqueConstraint op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(AddCheck op) {
        return List.of(alter(op.table()) + "ADD " + check(op.check()));
    }

    @Override
    public List<String> visit(DropCheck op) {
        return List.of(dropConstraint(op.table(), op.name()));
    }

    @Override
    public List<String> visit(RunSQL op) {
        return op.sql();
    }

    private String columnDefinition(Column c) {
        StringBuilder b = new StringBuilder(quote.apply(c.name())).append(' ').append(H2Types.toSql(c.type()));
        if (c.autoIncrement()) {
            b.append(" GENERATED BY DEFAULT AS IDENTITY");
        } else if (c.defaultValue() != null) {
            b.append(" DEFAULT ").append(c.defaultValue());
        }
        if (!c.nullable()) {
            b.append(" NOT NULL");
        }
        return b.toString();
    }

    private String createIndex(String table, Index i) {
        if (i.where() != null) {
            throw new IllegalArgumentException("h2: index " + i.name() + " is partial (WHERE " + i.where()
                    + "); H2 has no partial indexes");
        }
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + quote.apply(i.name()) + " ON "
                + quote.apply(table) + " (" + i.columns().stream().map(this::keyPart).collect(Collectors.joining(", "))
                + ")";
    }

    private String keyPart(IndexColumn k) {
        if (k.isExpression()) {
            throw new IllegalArgumentException("h2: H2 indexes columns only, not the expression " + k.expression());
        }
        return quote.apply(k.name()) + (k.descending() ? " DESC" : "");
    }

    private String unique(UniqueConstraint u) {
        return "CONSTRAINT " + quote.apply(u.name()) + " UNIQUE (" + names(u.columns()) + ")";
    }

    private String foreignKey(ForeignKey f) {
        return "CONSTRAINT " + quote.apply(f.name()) + " FOREIGN KEY (" + names(f.columns()) + ") REFERENCES "
                + quote.apply(f.referencedTable()) + " (" + names(f.referencedColumns()) + ") ON DELETE "
                + f.onDelete().sql() + " ON UPDATE " + f.onUpdate().sql();
    }

    private String check(Check c) {
        return "CONSTRAINT " + quote.apply(c.name()) + " CHECK (" + c.expression() + ")";
    }

    private String comment(String table, Column c) {
        return "COMMENT ON COLUMN " + quote.apply(table) + "." + quote.apply(c.name()) + " IS "
                + (c.comment() == null ? "NULL" : literal(c.comment()));
    }

    private String dropConstraint(String table, String name) {
        return alter(table) + "DROP CONSTRAINT " + quote.apply(name);
    }

    private String names(List<String> columns) {
        return columns.stream().map(quote).collect(Collectors.joining(", "));
    }

    private String alter(String table) {
        return "ALTER TABLE " + quote.apply(table) + " ";
    }

    /** Comments are DDL text, not bind parameters: H2 takes no parameters in COMMENT ON. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
