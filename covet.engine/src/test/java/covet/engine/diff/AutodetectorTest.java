package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Exclusion;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddCheck;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DropCheck;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.engine.questioner.Questioner;
import covet.engine.questioner.RenameFlags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutodetectorTest {
    private static final Autodetector PLAIN = new Autodetector(s -> s, Questioner.NO_RENAMES);

    private static Table users() {
        return new Table("users", List.of(Column.of("id", "integer").notNull().withAutoIncrement(true),
                Column.of("email", "varchar(100)").notNull()), PrimaryKey.of("id"),
                List.of(new UniqueConstraint("uq_users_email", List.of("email"))),
                List.of(Index.on("ix_users_email", "email")), null,
                List.of(new Check("ck_email", "email <> ''")), null);
    }

    private static Table posts() {
        return new Table("posts", List.of(Column.of("id", "integer").notNull(), Column.of("user_id", "integer")),
                PrimaryKey.of("id"), null, null,
                List.of(ForeignKey.of("fk_posts_user", "user_id", "users", "id").onDelete(ReferentialAction.CASCADE)),
                null, null);
    }

    private static Schema schema(Table... tables) {
        return new Schema(List.of(tables));
    }

    /** Applying the diff to the old schema must give the new one: the diff is complete and runs in order. */
    private static List<Operation> diffAndCheck(Autodetector a, Schema from, Schema to) {
        List<Operation> ops = a.diff(from, to);
        Schema result = from;
        for (Operation op : ops) {
            result = op.applyTo(result);
        }
        for (Table t : to.tables()) {
            Table got = result.requireTable(t.name());
            assertEquals(t.columns(), got.columns(), t.name());
            assertEquals(t.primaryKey(), got.primaryKey());
            assertEquals(set(t.indexes()), set(got.indexes()));
            assertEquals(set(t.uniques()), set(got.uniques()));
            assertEquals(set(t.checks()), set(got.checks()));
            assertEquals(set(t.foreignKeys()), set(got.foreignKeys()));
        }
        assertEquals(to.tables().size(), result.tables().size());
        assertTrue(a.diff(to, to).isEmpty(), "a schema against itself gives nothing");
        return ops;
    }

    private static <T> java.util.Set<T> set(List<T> l) {
        return new java.util.HashSet<>(l);
    }

    @Test
    void equalSchemasGiveNoOperation() {
        assertTrue(PLAIN.diff(schema(users(), posts()), schema(users(), posts())).isEmpty());
    }

    @Test
    void referencedTablesAreCreatedFirstAndDroppedLast() {
        List<Operation> up = diffAndCheck(PLAIN, Schema.EMPTY, schema(posts(), users()));
        assertEquals(List.of("users", "posts"), up.stream().map(o -> ((CreateTable) o).table().name()).toList());
        List<Operation> down = diffAndCheck(PLAIN, schema(users(), posts()), Schema.EMPTY);
        assertEquals(List.of("posts", "users"), down.stream().map(o -> ((DropTable) o).name()).toList());
        assertEquals(posts(), ((DropTable) down.get(0)).definition(), "a drop carries the definition");
    }

    @Test
    void foreignKeyCycleBetweenNewTablesIsClosedAfterwards() {
        Table a = Table.of("a", List.of(Column.of("id", "integer").notNull(), Column.of("b_id", "integer")),
                PrimaryKey.of("id")).withForeignKeys(List.of(ForeignKey.of("fk_a_b", "b_id", "b", "id")));
        Table b = Table.of("b", List.of(Column.of("id", "integer").notNull(), Column.of("a_id", "integer")),
                PrimaryKey.of("id")).withForeignKeys(List.of(ForeignKey.of("fk_b_a", "a_id", "a", "id")));
        List<Operation> ops = diffAndCheck(PLAIN, Schema.EMPTY, schema(a, b));
        assertInstanceOf(AddForeignKey.class, ops.get(ops.size() - 1));
        List<Operation> down = diffAndCheck(PLAIN, schema(a, b), Schema.EMPTY);
        assertInstanceOf(DropForeignKey.class, down.get(0));
    }

    @Test
    void columnsAddedDroppedAndAlteredCarryWhatRestoresThem() {
        Table changed = users().withColumns(List.of(Column.of("id", "integer").notNull().withAutoIncrement(true),
                Column.of("email", "varchar(200)").notNull(), Column.of("bio", "text")));
        List<Operation> ops = diffAndCheck(PLAIN, schema(users()), schema(changed));
        assertEquals(List.of(new AlterColumn("users", Column.of("email", "varchar(200)").notNull(),
                Column.of("email", "varchar(100)").notNull()), new AddColumn("users", Column.of("bio", "text"))), ops);
        List<Operation> back = diffAndCheck(PLAIN, schema(changed), schema(users()));
        assertTrue(back.contains(new DropColumn("users", "bio", Column.of("bio", "text"))), back.toString());
    }

    @Test
    void indexesConstraintsAndKeysBothWays() {
        Table bare = users().withIndexes(List.of()).withUniques(List.of()).withChecks(List.of());
        List<Operation> add = diffAndCheck(PLAIN, schema(bare), schema(users()));
        assertTrue(add.stream().anyMatch(o -> o instanceof CreateIndex));
        assertTrue(add.stream().anyMatch(o -> o instanceof AddUniqueConstraint));
        assertTrue(add.stream().anyMatch(o -> o instanceof AddCheck));
        List<Operation> drop = diffAndCheck(PLAIN, schema(users()), schema(bare));
        assertTrue(drop.stream().anyMatch(o -> o instanceof DropIndex d && d.definition() != null));
        assertTrue(drop.stream().anyMatch(o -> o instanceof DropUniqueConstraint d && d.definition() != null));
        assertTrue(drop.stream().anyMatch(o -> o instanceof DropCheck d && d.definition() != null));

        Table unlinked = posts().withForeignKeys(List.of());
        assertEquals(List.of(new AddForeignKey("posts", posts().foreignKeys().get(0))),
                diffAndCheck(PLAIN, schema(users(), unlinked), schema(users(), posts())));
        Table changedRule = posts().withForeignKeys(List.of(posts().foreignKeys().get(0)
                .onDelete(ReferentialAction.SET_NULL)));
        List<Operation> rule = diffAndCheck(PLAIN, schema(users(), posts()), schema(users(), changedRule));
        assertInstanceOf(DropForeignKey.class, rule.get(0));
        assertInstanceOf(AddForeignKey.class, rule.get(1));
    }

    @Test
    void foreignKeyToADroppedTableGoesBeforeTheTable() {
        Table keep = posts().withForeignKeys(List.of());
        List<Operation> ops = diffAndCheck(PLAIN, schema(users(), posts()), schema(keep));
        assertInstanceOf(DropForeignKey.class, ops.get(0));
        assertInstanceOf(DropTable.class, ops.get(ops.size() - 1));
    }

    @Test
    void renamesOnlyWhenConfirmed() {
        Table renamed = posts().withName("articles");
        List<Operation> guessed = PLAIN.diff(schema(users(), posts()), schema(users(), renamed));
        assertTrue(guessed.stream().anyMatch(o -> o instanceof DropTable), "no guessing without confirmation");

        Autodetector confirmed = new Autodetector(s -> s, new RenameFlags(List.of("posts=articles"),
                Questioner.NO_RENAMES));
        assertEquals(List.of(new RenameTable("posts", "articles")),
                diffAndCheck(confirmed, schema(users(), posts()), schema(users(), renamed)));

        Table renamedColumn = users().renameColumn("email", "mail");
        Autodetector column = new Autodetector(s -> s, new RenameFlags(List.of("users.email=users.mail"),
                Questioner.NO_RENAMES));
        assertEquals(List.of(new RenameColumn("users", "email", "mail")),
                diffAndCheck(column, schema(users()), schema(renamedColumn)));
    }

    @Test
    void normaliserRunsOnBothSides() {
        Autodetector lowerTypes = new Autodetector(s -> new Schema(s.tables().stream().map(t -> t.withColumns(
                t.columns().stream().map(c -> c.withDefault(c.defaultValue() == null ? null
                        : c.defaultValue().toLowerCase())).toList())).toList()), Questioner.NO_RENAMES);
        Table a = users().withColumns(List.of(Column.of("id", "integer").notNull(),
                Column.of("email", "varchar(100)").withDefault("'X'")));
        Table b = users().withColumns(List.of(Column.of("id", "integer").notNull(),
                Column.of("email", "varchar(100)").withDefault("'x'")));
        assertTrue(lowerTypes.diff(schema(a), schema(b)).isEmpty());
    }

    @Test
    void aPrimaryKeyChangeIsDroppedAndAddedAroundTheForeignKeysOnIt() {
        Table byEmail = users().withPrimaryKey(PrimaryKey.of("email"))
                .withUniques(List.of(new UniqueConstraint("uq_users_id", List.of("id"))));
        List<Operation> ops = ObjectDiffTest.diff(PLAIN, schema(users(), posts()), schema(byEmail, posts()));
        ForeignKey fk = posts().foreignKeys().get(0);
        assertEquals(List.of(new DropForeignKey("posts", "fk_posts_user", fk),
                new DropPrimaryKey("users", PrimaryKey.of("id")),
                new DropUniqueConstraint("users", "uq_users_email", users().uniques().get(0)),
                new AddPrimaryKey("users", PrimaryKey.of("email")),
                new AddUniqueConstraint("users", byEmail.uniques().get(0)),
                new AddForeignKey("posts", fk)), ops);
    }

    @Test
    void aPrimaryKeyIsAddedOrDroppedAlone() {
        Table keyless = users().withPrimaryKey(null);
        assertEquals(List.of(new AddPrimaryKey("users", PrimaryKey.of("id"))),
                ObjectDiffTest.diff(PLAIN, schema(keyless), schema(users())));
        assertEquals(List.of(new DropPrimaryKey("users", PrimaryKey.of("id"))),
                ObjectDiffTest.diff(PLAIN, schema(users()), schema(keyless)));
    }

    @Test
    void anUnnamedWantedKeyKeepsTheDatabasesName() {
        Table named = users().withPrimaryKey(new PrimaryKey("users_pkey", List.of("id")));
        assertTrue(PLAIN.diff(schema(named), schema(users())).isEmpty(), "no name wanted: any name will do");
        Table renamed = users().withPrimaryKey(new PrimaryKey("pk_users", List.of("id")));
        assertEquals(List.of(new DropPrimaryKey("users", named.primaryKey()),
                new AddPrimaryKey("users", renamed.primaryKey())), PLAIN.diff(schema(named), schema(renamed)));
    }

    @Test
    void aNewTableWaitsForAKeyAddedInTheSameDiff() {
        Table keyless = users().withPrimaryKey(null);
        List<Operation> ops = ObjectDiffTest.diff(PLAIN, schema(keyless), schema(users(), posts()));
        assertEquals(List.of(new CreateTable(posts().withForeignKeys(List.of())),
                new AddPrimaryKey("users", PrimaryKey.of("id")),
                new AddForeignKey("posts", posts().foreignKeys().get(0))), ops);
    }

    @Test
    void exclusionsByName() {
        Exclusion one = new Exclusion("ex_users", "EXCLUDE USING gist (email WITH =)");
        Exclusion other = new Exclusion("ex_users", "EXCLUDE USING gist (email WITH =, id WITH <>)");
        Table with = users().withExclusions(List.of(one));
        assertEquals(List.of(new AddExclusion("users", one)),
                ObjectDiffTest.diff(PLAIN, schema(users()), schema(with)));
        assertEquals(List.of(new DropExclusion("users", "ex_users", one)),
                ObjectDiffTest.diff(PLAIN, schema(with), schema(users())));
        assertEquals(List.of(new DropExclusion("users", "ex_users", one), new AddExclusion("users", other)),
                ObjectDiffTest.diff(PLAIN, schema(with), schema(users().withExclusions(List.of(other)))));
    }

    @Test
    void tableCommentAndOptionsAreOneAlteration() {
        Table commented = users().withComment("people").withOptions(Map.of("unlogged", "true"));
        assertEquals(List.of(new AlterTable("users", "people", Map.of("unlogged", "true"), null, Map.of())),
                ObjectDiffTest.diff(PLAIN, schema(users()), schema(commented)));
        assertEquals(List.of(new AlterTable("users", null, Map.of("unlogged", "true"), "people",
                        Map.of("unlogged", "true"))),
                ObjectDiffTest.diff(PLAIN, schema(commented), schema(commented.withComment(null))));
    }

    @Test
    void identityGeneratedAndCollationAreColumnAlterations() {
        Column id = users().columns().get(0);
        Column email = users().columns().get(1);
        for (Column[] change : new Column[][] {{id, id.withIdentity(Identity.ALWAYS)},
                {email, email.withCollation("C")}, {email, email.withGenerated("lower(name)")}}) {
            Table changed = users().withColumns(users().columns().stream()
                    .map(c -> c.name().equals(change[1].name()) ? change[1] : c).toList());
            assertEquals(List.of(new AlterColumn("users", change[1], change[0])),
                    PLAIN.diff(schema(users()), schema(changed)));
        }
    }

    private static Table payments() {
        return new Table("payment", List.of(Column.of("id", "integer").notNull(), Column.of("paid", "date")), null,
                null, null, null, null, null, null, "RANGE (paid)", null, null);
    }

    private static Table partition(String name, String bound) {
        return new Table(name, payments().columns(), null, null, null, null, null, null, null, null,
                bound == null ? null : new Partition("payment", bound), null);
    }

    @Test
    void partitionsAreAttachedDetachedAndMoved() {
        String january = "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')";
        Table loose = partition("payment_p1", null);
        Table attached = partition("payment_p1", january);
        assertEquals(List.of(new AttachPartition("payment_p1", attached.partitionOf())),
                ObjectDiffTest.diff(PLAIN, schema(payments(), loose), schema(payments(), attached)));
        assertEquals(List.of(new DetachPartition("payment_p1", attached.partitionOf())),
                ObjectDiffTest.diff(PLAIN, schema(payments(), attached), schema(payments(), loose)));
        Table fallback = partition("payment_p1", "DEFAULT");
        assertEquals(List.of(new DetachPartition("payment_p1", attached.partitionOf()),
                        new AttachPartition("payment_p1", fallback.partitionOf())),
                ObjectDiffTest.diff(PLAIN, schema(payments(), attached), schema(payments(), fallback)));
    }

    @Test
    void partitionedTablesComeBeforeTheirPartitionsAndGoAfter() {
        Table p1 = partition("payment_p1", "DEFAULT");
        List<Operation> up = ObjectDiffTest.diff(PLAIN, Schema.EMPTY, schema(p1, payments()));
        assertEquals(List.of("payment", "payment_p1"), up.stream().map(o -> ((CreateTable) o).table().name())
                .toList());
        List<Operation> down = ObjectDiffTest.diff(PLAIN, schema(payments(), p1), Schema.EMPTY);
        assertEquals(List.of("payment_p1", "payment"), down.stream().map(o -> ((DropTable) o).name()).toList());
    }

    @Test
    void inheritingTablesComeAfterTheirParents() {
        Table child = posts().withName("a_posts").withForeignKeys(List.of())
                .withOptions(Map.of("inherits", "z_base"));
        Table parent = posts().withName("z_base").withForeignKeys(List.of());
        List<Operation> up = PLAIN.diff(Schema.EMPTY, schema(child, parent));
        assertEquals(List.of("z_base", "a_posts"), up.stream().map(o -> ((CreateTable) o).table().name()).toList());
    }

    @Test
    void aNewPartitionKeyIsRefusedWithAHint() {
        Table byId = payments().withPartitionBy("HASH (id)");
        UnsupportedChangeException e = assertThrows(UnsupportedChangeException.class,
                () -> PLAIN.diff(schema(payments()), schema(byId)));
        assertTrue(e.getMessage().contains("RANGE (paid)") && e.getMessage().contains("HASH (id)"), e.getMessage());
        assertThrows(UnsupportedChangeException.class,
                () -> PLAIN.diff(schema(payments()), schema(payments().withPartitionBy(null))));
    }
}
