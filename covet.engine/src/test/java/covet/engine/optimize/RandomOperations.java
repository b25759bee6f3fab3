package covet.engine.optimize;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.EnumType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterTable;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random sequences of operations that each fit the schema before them, drawn from small pools of names so that the
 * same objects come back often (which is what makes sequences reducible). Like PostgreSQL and MySQL, it never
 * leaves a foreign key pointing at a table or column that is gone.
 */
final class RandomOperations {
    private static final String[] TABLES = {"t0", "t1", "t2", "t3", "t4"};
    private static final String[] COLUMNS = {"c0", "c1", "c2", "c3", "c4", "c5"};
    private static final String[] NAMES = {"k0", "k1", "k2", "k3"};
    private static final String[] ENUMS = {"e0", "e1", "e2"};
    private static final String[] VIEWS = {"v0", "v1"};
    private static final String[] TYPES = {"integer", "text", "bigint", "varchar(20)", "boolean"};

    private final Random random;

    RandomOperations(Random random) {
        this.random = random;
    }

    Schema startSchema() {
        Table t0 = Table.of("t0", List.of(Column.of("id", "integer").notNull(), Column.of("c0", "text"),
                Column.of("c1", "integer")), PrimaryKey.of("id"));
        Table t1 = Table.of("t1", List.of(Column.of("id", "integer").notNull(), Column.of("c0", "integer")),
                PrimaryKey.of("id")).withForeignKeys(List.of(ForeignKey.of("k0", "c0", "t0", "id")));
        return random.nextBoolean() ? new Schema(List.of(t0, t1)) : new Schema(List.of(t0));
    }

    List<Operation> sequence(Schema start, int length) {
        List<Operation> ops = new ArrayList<>();
        Schema state = start;
        int attempts = 0;
        while (ops.size() < length && attempts++ < length * 50) {
            Operation op = next(state);
            if (op == null) {
                continue;
            }
            try {
                Schema after = op.applyTo(state);
                if (dangling(after)) {
                    continue;
                }
                state = after;
                ops.add(op);
            } catch (RuntimeException misfit) {
                // drawn names did not fit this schema: draw again
            }
        }
        return ops;
    }

    private Operation next(Schema s) {
        Table t = s.tables().isEmpty() ? null : s.tables().get(random.nextInt(s.tables().size()));
        if (random.nextInt(4) == 0) {
            Operation op = objectOrSetting(s, t);
            if (op != null) {
                return op;
            }
        }
        int kind = random.nextInt(t == null ? 1 : 17);
        switch (kind) {
            case 0:
                return createTable(s);
            case 1:
                return new DropTable(t.name(), t);
            case 2:
            case 3:
                return new AddColumn(t.name(), column(pick(COLUMNS)));
            case 4: {
                Column c = nonId(t);
                return c == null ? null : new DropColumn(t.name(), c.name(), c);
            }
            case 5: {
                Column c = nonId(t);
                return c == null ? null : new AlterColumn(t.name(), column(c.name()), c);
            }
            case 6: {
                Column c = nonId(t);
                return c == null ? null : new RenameColumn(t.name(), c.name(), pick(COLUMNS));
            }
            case 7:
                return new RenameTable(t.name(), pick(TABLES));
            case 8: {
                Column c = nonId(t);
                return c == null ? null : new CreateIndex(t.name(), random.nextInt(4) == 0
                        ? Index.uniqueOn(pick(NAMES), c.name()) : Index.on(pick(NAMES), c.name()));
            }
            case 9:
                return t.indexes().isEmpty() ? null : new DropIndex(t.name(), t.indexes().get(0).name(),
                        random.nextBoolean() ? t.indexes().get(0) : null);
            case 10: {
                Column c = nonId(t);
                Table target = s.tables().get(random.nextInt(s.tables().size()));
                return c == null ? null : new AddForeignKey(t.name(), ForeignKey.of(pick(NAMES), c.name(),
                        target.name(), "id"));
            }
            case 11:
                return t.foreignKeys().isEmpty() ? null : new DropForeignKey(t.name(), t.foreignKeys().get(0).name(),
                        t.foreignKeys().get(0));
            case 12: {
                Column c = nonId(t);
                return c == null ? null : new AddUniqueConstraint(t.name(), new UniqueConstraint(pick(NAMES),
                        List.of(c.name())));
            }
            case 13:
                return t.uniques().isEmpty() ? null : new DropUniqueConstraint(t.name(), t.uniques().get(0).name(),
                        t.uniques().get(0));
            case 14: {
                Column c = nonId(t);
                return c == null ? null : new AddCheck(t.name(), new Check(pick(NAMES), c.name() + " IS NOT NULL"));
            }
            case 15:
                return t.checks().isEmpty() ? null : new DropCheck(t.name(), t.checks().get(0).name(),
                        t.checks().get(0));
            default:
                return random.nextInt(4) == 0 ? RunSQL.of("SELECT 1", "SELECT 1") : createTable(s);
        }
    }

    /**
     * An operation on a named object (an enum, a view over a table, a trigger, a sequence owned by a column) or on
     * a table's primary key, comment and options, or the comment of an index or the primary key.
     */
    private Operation objectOrSetting(Schema s, Table t) {
        SchemaObject existing = s.objects().isEmpty() ? null : s.objects().get(random.nextInt(s.objects().size()));
        switch (random.nextInt(t == null ? 3 : 9)) {
            case 0:
                return new CreateObject(new EnumType(pick(ENUMS), values(), null, null));
            case 1:
                return existing == null ? null : new DropObject(existing);
            case 2: {
                if (!(existing instanceof EnumType e)) {
                    return null;
                }
                return new AlterObject(new EnumType(e.name(), values(), random.nextBoolean() ? "c" : null, null),
                        random.nextInt(4) == 0 ? null : e);
            }
            case 3: {
                Column c = nonId(t);
                switch (random.nextInt(3)) {
                    case 0:
                        return new CreateObject(new View(pick(VIEWS), "SELECT * FROM " + t.name(), null,
                                List.of("table:" + t.name())));
                    case 1:
                        return new CreateObject(new Trigger(t.name(), pick(VIEWS), "CREATE TRIGGER x", null,
                                List.of("table:" + t.name())));
                    default:
                        return c == null ? null : new CreateObject(Sequence.of(pick(ENUMS) + "_seq")
                                .withOwnedBy(t.name() + "." + c.name()));
                }
            }
            case 4:
                return existing == null ? null : new AlterObject(existing.withComment(random.nextBoolean() ? "x"
                        : null), existing);
            case 5:
                return t.primaryKey() == null ? new AddPrimaryKey(t.name(), PrimaryKey.of("id"))
                        : new DropPrimaryKey(t.name(), random.nextInt(4) == 0 ? null : t.primaryKey());
            case 6: {
                String comment = random.nextBoolean() ? "note" : null;
                if (!t.indexes().isEmpty()) {
                    Index i = t.indexes().get(0);
                    return new AlterComment(t.name(), AlterComment.Target.INDEX, i.name(), comment, i.comment());
                }
                return t.primaryKey() == null ? null : new AlterComment(t.name(), AlterComment.Target.PRIMARY_KEY,
                        null, comment, t.primaryKey().comment());
            }
            default:
                return new AlterTable(t.name(), random.nextBoolean() ? "note" : null, random.nextBoolean()
                        ? Map.of("unlogged", "true") : Map.of(), t.comment(), random.nextInt(4) == 0 ? null
                        : t.options());
        }
    }

    private List<String> values() {
        List<String> values = new ArrayList<>(List.of("a", "b", "c", "d"));
        java.util.Collections.shuffle(values, random);
        return values.subList(0, 1 + random.nextInt(values.size()));
    }

    /**
     * True when a foreign key references a table or column that is not there. PostgreSQL and MySQL refuse the drop
     * that would leave one; the model allows it, and a later rename to that name would capture the reference.
     */
    static boolean dangling(Schema s) {
        for (Table t : s.tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                Table target = s.table(fk.referencedTable()).orElse(null);
                if (target == null || fk.referencedColumns().stream().anyMatch(c -> target.column(c).isEmpty())) {
                    return true;
                }
            }
        }
        return false;
    }

    private Operation createTable(Schema s) {
        List<Column> cols = new ArrayList<>(List.of(Column.of("id", "integer").notNull()));
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String name = COLUMNS[i];
            cols.add(column(name));
        }
        Table t = Table.of(pick(TABLES), cols, PrimaryKey.of("id"));
        if (random.nextBoolean() && !s.tables().isEmpty()) {
            String target = s.tables().get(random.nextInt(s.tables().size())).name();
            t = t.withForeignKeys(List.of(ForeignKey.of(pick(NAMES), "c0", target, "id")));
        }
        if (random.nextBoolean()) {
            t = t.withIndexes(List.of(Index.on(pick(NAMES), "c0")));
        }
        return new CreateTable(t);
    }

    private Column column(String name) {
        Column c = Column.of(name, pick(TYPES));
        return random.nextInt(3) == 0 ? c.withDefault("0") : c;
    }

    private Column nonId(Table t) {
        List<Column> cols = t.columns().stream().filter(c -> !c.name().equals("id")).toList();
        return cols.isEmpty() ? null : cols.get(random.nextInt(cols.size()));
    }

    private String pick(String[] pool) {
        return pool[random.nextInt(pool.length)];
    }
}
