package covet.dialect.mysql;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.NativeType;
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
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The SQL of each operation, in the syntax MySQL 8.0.19+ and MariaDB 10.5+ share. MySQL rewrites a whole column
 * on MODIFY, so column definitions are always complete: type, nullability, default, AUTO_INCREMENT, comment.
 */
public final class MysqlRenderer implements OperationVisitor<List<String>> {
    /** A prefix key part as the introspector reports it: {@code `col`(10)}. */
    private static final Pattern PREFIX_PART = Pattern.compile("`(?:[^`]|``)+`\\(\\d+\\)");

    private final UnaryOperator<String> quote;

    public MysqlRenderer(UnaryOperator<String> quote) {
        this.quote = quote;
    }

    @Override
    public List<String> visit(CreateTable op) {
        Table t = op.table();
        MysqlLimits.table(t);
        List<Check> inline = inlineChecks(t);
        List<String> parts = new ArrayList<>();
        for (Column c : t.columns()) {
            String def = columnDefinition(c);
            for (Check k : inline) {
                if (k.name().equals(c.name())) {
                    def += " CHECK (" + k.expression() + ")";
                }
            }
            parts.add(def);
        }
        if (t.primaryKey() != null) {
            parts.add("PRIMARY KEY (" + names(t.primaryKey().columns()) + ")"
                    + MysqlKeyComment.clause(t.primaryKey().comment()));
        }
        t.uniques().forEach(u -> parts.add(uniqueDefinition(u)));
        t.indexes().forEach(i -> parts.add(MysqlIndexKind.keyword(t.name(), i) + "KEY " + quote.apply(i.name())
                + " (" + keyParts(i) + ")" + MysqlIndexKind.using(i) + MysqlKeyComment.clause(i.comment())));
        t.foreignKeys().forEach(f -> parts.add(foreignKeyDefinition(f)));
        t.checks().stream().filter(c -> !inline.contains(c)).forEach(c -> parts.add(checkDefinition(c)));
        String sql = "CREATE TABLE " + quote.apply(t.name()) + " (\n  " + String.join(",\n  ", parts) + "\n)";
        java.util.Map<String, String> options = MysqlTableOptions.normalize(t.options());
        sql += MysqlTableOptions.clause(options);
        if (t.comment() != null && !t.comment().isEmpty()) {
            sql += " COMMENT=" + MysqlDefaults.quote(t.comment());
        }
        sql += MysqlPartitions.clause(t.partitionBy(), options.get(MysqlPartitions.OPTION));
        return List.of(sql);
    }

    /**
     * MariaDB names a column-level check after its column, outside the table's constraint names; written as a
     * table-level CONSTRAINT it would clash with a UNIQUE key of the same name (tbls: {@code username}). Such
     * checks go back inline, where they came from.
     */
    private static List<Check> inlineChecks(Table t) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        t.uniques().forEach(u -> taken.add(u.name()));
        t.indexes().forEach(i -> taken.add(i.name()));
        t.foreignKeys().forEach(f -> taken.add(f.name()));
        return t.checks().stream().filter(c -> taken.contains(c.name()) && t.column(c.name()).isPresent()).toList();
    }

    @Override
    public List<String> visit(DropTable op) {
        return List.of("DROP TABLE " + quote.apply(op.name()));
    }

    @Override
    public List<String> visit(AddColumn op) {
        return List.of(alter(op.table()) + "ADD COLUMN " + columnDefinition(op.column()));
    }

    @Override
    public List<String> visit(DropColumn op) {
        return List.of(alter(op.table()) + "DROP COLUMN " + quote.apply(op.name()));
    }

    @Override
    public List<String> visit(AlterColumn op) {
        return List.of(alter(op.table()) + "MODIFY COLUMN " + columnDefinition(op.column()));
    }

    @Override
    public List<String> visit(RenameTable op) {
        return List.of("RENAME TABLE " + quote.apply(op.from()) + " TO " + quote.apply(op.to()));
    }

    @Override
    public List<String> visit(RenameColumn op) {
        return List.of(alter(op.table()) + "RENAME COLUMN " + quote.apply(op.from()) + " TO " + quote.apply(op.to()));
    }

    @Override
    public List<String> visit(CreateIndex op) {
        Index i = op.index();
        return List.of("CREATE " + MysqlIndexKind.keyword(op.table(), i) + "INDEX " + quote.apply(i.name()) + " ON "
                + quote.apply(op.table()) + " (" + keyParts(i) + ")" + MysqlIndexKind.using(i)
                + MysqlKeyComment.clause(i.comment()));
    }

    @Override
    public List<String> visit(DropIndex op) {
        return List.of("DROP INDEX " + quote.apply(op.name()) + " ON " + quote.apply(op.table()));
    }

    @Override
    public List<String> visit(AddForeignKey op) {
        MysqlLimits.foreignKey(op.table(), op.foreignKey());
        return List.of(alter(op.table()) + "ADD " + foreignKeyDefinition(op.foreignKey()));
    }

    @Override
    public List<String> visit(DropForeignKey op) {
        return dropForeignKey(op, null);
    }

    /**
     * Drops the key and, when the table as it stands has no other index whose leading columns serve the key, also
     * the index InnoDB made for it under the key's name: left behind, it would read back as an index nobody asked
     * for. Without the table ({@code current} null) only the key goes.
     */
    public List<String> dropForeignKey(DropForeignKey op, Table current) {
        String sql = alter(op.table()) + "DROP FOREIGN KEY " + quote.apply(op.name());
        ForeignKey fk = op.definition() != null ? op.definition()
                : current == null ? null : current.foreignKey(op.name()).orElse(null);
        if (current != null && fk != null && !MysqlNormalizer.hasServingIndex(current, fk)) {
            sql += ", DROP INDEX " + quote.apply(op.name());
        }
        return List.of(sql);
    }

    /** MySQL refuses to drop a column a foreign key uses: those keys go first, in the same statement. */
    public List<String> dropColumn(DropColumn op, Table current) {
        StringBuilder sql = new StringBuilder(alter(op.table()));
        if (current != null) {
            for (ForeignKey fk : current.foreignKeys()) {
                if (fk.columns().contains(op.name())) {
                    sql.append("DROP FOREIGN KEY ").append(quote.apply(fk.name())).append(", ");
                    if (!MysqlNormalizer.hasServingIndex(current, fk)) {
                        sql.append("DROP INDEX ").append(quote.apply(fk.name())).append(", ");
                    }
                }
            }
        }
        return List.of(sql + "DROP COLUMN " + quote.apply(op.name()));
    }

    @Override
    public List<String> visit(AddUniqueConstraint op) {
        MysqlLimits.unique(op.table(), op.unique());
        return List.of(alter(op.table()) + "ADD " + uniqueDefinition(op.unique()));
    }

    @Override
    public List<String> visit(DropUniqueConstraint op) {
        return List.of("DROP INDEX " + quote.apply(op.name()) + " ON " + quote.apply(op.table()));
    }

    @Override
    public List<String> visit(AddCheck op) {
        MysqlLimits.check(op.table(), op.check());
        return List.of(alter(op.table()) + "ADD " + checkDefinition(op.check()));
    }

    /** DROP CONSTRAINT: MariaDB and MySQL 8.0.19+ both take it (MySQL's own DROP CHECK is unknown to MariaDB). */
    @Override
    public List<String> visit(DropCheck op) {
        return List.of(alter(op.table()) + "DROP CONSTRAINT " + quote.apply(op.name()));
    }

    /** MySQL names every primary key PRIMARY: the model's name, if any, has no place. */
    @Override
    public List<String> visit(AddPrimaryKey op) {
        return List.of(alter(op.table()) + "ADD PRIMARY KEY (" + names(op.key().columns()) + ")"
                + MysqlKeyComment.clause(op.key().comment()));
    }

    @Override
    public List<String> visit(DropPrimaryKey op) {
        return dropPrimaryKey(op, null);
    }

    /**
     * DROP PRIMARY KEY, knowing the table as it stands ({@code current}, may be null). An AUTO_INCREMENT column
     * must lead some key: when the primary key is its only one, the drop would fail half way through a
     * migration, so it is refused here, naming the order that works. The key made its columns NOT NULL; those
     * the model holds nullable are made nullable again in the same statement, so the table matches the model.
     */
    public List<String> dropPrimaryKey(DropPrimaryKey op, Table current) {
        StringBuilder sql = new StringBuilder(alter(op.table())).append("DROP PRIMARY KEY");
        if (current != null) {
            for (Column c : current.columns()) {
                if (c.autoIncrement() && !keyedWithoutPrimaryKey(current, c.name())) {
                    throw new MysqlUnsupportedException("cannot drop the primary key of " + op.table() + ": its"
                            + " AUTO_INCREMENT column " + c.name() + " needs a key; turn AUTO_INCREMENT off first"
                            + " (an AlterColumn before the DropPrimaryKey, and back after an AddPrimaryKey), or"
                            + " add an index that starts with " + c.name());
                }
            }
            if (current.primaryKey() != null) {
                for (String name : current.primaryKey().columns()) {
                    Column c = current.column(name).orElse(null);
                    if (c != null && c.nullable()) {
                        sql.append(", MODIFY COLUMN ").append(columnDefinition(c));
                    }
                }
            }
        }
        return List.of(sql.toString());
    }

    private static boolean keyedWithoutPrimaryKey(Table t, String column) {
        return t.uniques().stream().anyMatch(u -> u.columns().get(0).equals(column))
                || t.indexes().stream().anyMatch(i -> column.equals(i.columns().get(0).name()));
    }

    @Override
    public List<String> visit(AddExclusion op) {
        throw MysqlLimits.notSupported(op.table(), "exclusion constraint " + op.exclusion().name()
                + ": exclusion constraints are");
    }

    @Override
    public List<String> visit(DropExclusion op) {
        throw MysqlLimits.notSupported(op.table(), "exclusion constraint " + op.name()
                + ": exclusion constraints are");
    }

    @Override
    public List<String> visit(AlterTable op) {
        return alterTable(op, null);
    }

    /**
     * The table comment ({@code COMMENT = ''} removes it) and the options that change (see
     * {@link MysqlTableOptions#alter}); {@code current} is the table as it stands, or null.
     */
    public List<String> alterTable(AlterTable op, Table current) {
        List<String> out = new ArrayList<>();
        if (op.changesComment()) {
            out.add(alter(op.table()) + "COMMENT = " + MysqlDefaults.quote(op.comment() == null ? "" : op.comment()));
        }
        java.util.Map<String, String> from = op.previousOptions() != null ? op.previousOptions()
                : current != null ? current.options() : null;
        if (from == null) {
            if (!op.options().isEmpty()) {
                throw MysqlLimits.options(op.table(), op.options());
            }
            return out;
        }
        out.addAll(MysqlTableOptions.alter(op.table(), MysqlTableOptions.normalize(from),
                MysqlTableOptions.normalize(op.options()), current, quote, this));
        return out;
    }

    /** Without the table as it stands only a refusal; {@link MysqlDialect#render} passes it. */
    @Override
    public List<String> visit(AlterComment op) {
        return new MysqlKeyComment(this).statements(op, null);
    }

    @Override
    public List<String> visit(AttachPartition op) {
        throw MysqlLimits.notSupported(op.table(), "attaching it as a partition of " + op.partition().parent()
                + ": MySQL partitions are not tables (they are the table option partitions), so attaching a table"
                + " is");
    }

    @Override
    public List<String> visit(DetachPartition op) {
        throw MysqlLimits.notSupported(op.table(), "detaching it from " + op.partition().parent()
                + ": MySQL partitions are not tables (they are the table option partitions), so detaching one"
                + " is");
    }

    @Override
    public List<String> visit(CreateObject op) {
        return MysqlObjects.create(op.object());
    }

    @Override
    public List<String> visit(DropObject op) {
        return MysqlObjects.drop(op.object());
    }

    @Override
    public List<String> visit(AlterObject op) {
        return MysqlObjects.alter(op.object(), op.previous());
    }

    @Override
    public List<String> visit(RunSQL op) {
        return op.sql();
    }

    /**
     * The full column definition MODIFY, ADD and CREATE need. A collation implies its character set; a generated
     * expression from the model is STORED (VIRTUAL ones ride in the native type, as the introspector reads them);
     * an identity refinement is MySQL's one AUTO_INCREMENT, as the normaliser reads it.
     */
    public String columnDefinition(Column c) {
        String type = MysqlTypes.toSql(c.type());
        String collate = c.collation() == null ? "" : " COLLATE " + c.collation();
        int virtual = type.toLowerCase(Locale.ROOT).indexOf(" generated always as ");
        // the collation belongs to the data type, before a VIRTUAL column's expression
        StringBuilder b = new StringBuilder(quote.apply(c.name())).append(' ').append(virtual < 0 ? type + collate
                : type.substring(0, virtual) + collate + type.substring(virtual));
        if (c.generated() != null) {
            b.append(" GENERATED ALWAYS AS (").append(c.generated().strip()).append(") STORED");
        }
        boolean generated = isGenerated(c);
        if (!c.nullable()) {
            b.append(" NOT NULL");
        } else if (!generated) {
            b.append(" NULL");
        }
        if (c.defaultValue() != null && !generated) {
            b.append(" DEFAULT ").append(c.defaultValue());
        }
        if (c.autoIncrement()) {
            b.append(" AUTO_INCREMENT");
        }
        if (c.comment() != null && !c.comment().isEmpty()) {
            b.append(" COMMENT ").append(MysqlDefaults.quote(c.comment()));
        }
        return b.toString();
    }

    static boolean isGenerated(Column c) {
        return c.generated() != null || c.type() instanceof NativeType
                && ((NativeType) c.type()).sql().toLowerCase(Locale.ROOT).contains(" generated always as ");
    }

    String uniqueDefinition(UniqueConstraint u) {
        return "CONSTRAINT " + quote.apply(u.name()) + " UNIQUE (" + names(u.columns()) + ")"
                + MysqlKeyComment.clause(u.comment());
    }

    private String foreignKeyDefinition(ForeignKey f) {
        return "CONSTRAINT " + quote.apply(f.name()) + " FOREIGN KEY (" + names(f.columns()) + ") REFERENCES "
                + quote.apply(f.referencedTable()) + " (" + names(f.referencedColumns()) + ") ON DELETE "
                + f.onDelete().sql() + " ON UPDATE " + f.onUpdate().sql();
    }

    private String checkDefinition(Check c) {
        return "CONSTRAINT " + quote.apply(c.name()) + " CHECK (" + c.expression() + ")";
    }

    String keyParts(Index i) {
        return i.columns().stream().map(this::keyPart).collect(Collectors.joining(", "));
    }

    /** A column, a prefix {@code `col`(n)} as written, or an expression in the double parentheses MySQL wants. */
    private String keyPart(IndexColumn k) {
        String part;
        if (!k.isExpression()) {
            part = quote.apply(k.name());
        } else if (PREFIX_PART.matcher(k.expression().strip()).matches()) {
            part = k.expression().strip();
        } else {
            part = "(" + k.expression() + ")";
        }
        return k.descending() ? part + " DESC" : part;
    }

    String names(List<String> columns) {
        return columns.stream().map(quote).collect(Collectors.joining(", "));
    }

    String alter(String table) {
        return "ALTER TABLE " + quote.apply(table) + " ";
    }
}
