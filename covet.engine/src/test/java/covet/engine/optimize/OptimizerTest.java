package covet.engine.optimize;

import static covet.engine.optimize.Ops.add;
import static covet.engine.optimize.Ops.col;
import static covet.engine.optimize.Ops.create;
import static covet.engine.optimize.Ops.table;
import static covet.engine.optimize.Ops.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Check;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
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
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import covet.engine.state.StateReplayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule, then what blocks a reduction, the fixed point, and that the result never grows. */
class OptimizerTest {
    private static final Schema START = new Schema(List.of(table("users", "name"), table("tags", "label")));

    /** Optimizes, checks the schema is unchanged and the list no longer, and returns the result. */
    private static List<Operation> optimize(Schema start, Operation... ops) {
        List<Operation> in = List.of(ops);
        List<Operation> out = Optimizer.optimize(in);
        assertTrue(out.size() <= in.size(), "longer: " + out);
        assertEquals(replay(start, in), replay(start, out), "schema changed by " + out);
        assertEquals(out, Optimizer.optimize(out), "not a fixed point");
        return out;
    }

    private static List<Operation> optimize(Operation... ops) {
        return optimize(START, ops);
    }

    private static Schema replay(Schema start, List<Operation> ops) {
        return StateReplayer.replay(start, new Migration("20260101_000000_t", null, List.of(), ops));
    }

    @Test
    void createThenAddColumnIsOneCreate() {
        Table expected = table("posts", "a", "b");
        assertEquals(List.of(new CreateTable(expected)), optimize(create("posts", "a"), add("posts", "b")));
    }

    @Test
    void createThenAlterColumnIsOneCreate() {
        AlterColumn alter = new AlterColumn("posts", text("a"), col("a"));
        assertEquals(List.of(new CreateTable(table("posts").addColumn(text("a")))),
                optimize(create("posts", "a"), alter));
    }

    @Test
    void createThenDropColumnIsOneCreate() {
        assertEquals(List.of(create("posts", "b")),
                optimize(create("posts", "a", "b"), new DropColumn("posts", "a", col("a"))));
    }

    @Test
    void createThenRenameColumnIsOneCreate() {
        assertEquals(List.of(create("posts", "b")), optimize(create("posts", "a"), new RenameColumn("posts", "a", "b")));
    }

    @Test
    void createThenRenameTableIsOneCreate() {
        assertEquals(List.of(create("articles", "a")), optimize(create("posts", "a"), new RenameTable("posts", "articles")));
    }

    @Test
    void createThenIndexAndConstraintsAreOneCreate() {
        Index ix = Index.on("ix_posts_a", "a");
        ForeignKey fk = ForeignKey.of("fk_posts_user", "user_id", "users", "id");
        UniqueConstraint uq = new UniqueConstraint("uq_posts_a", List.of("a"));
        Check ck = new Check("ck_posts_a", "a > 0");
        List<Operation> out = optimize(create("posts", "a", "user_id"), new CreateIndex("posts", ix),
                new AddForeignKey("posts", fk), new AddUniqueConstraint("posts", uq), new AddCheck("posts", ck));
        Table expected = table("posts", "a", "user_id").withIndexes(List.of(ix)).withForeignKeys(List.of(fk))
                .withUniques(List.of(uq)).withChecks(List.of(ck));
        assertEquals(List.of(new CreateTable(expected)), out);
    }

    @Test
    void createThenDropOfItsIndexAndConstraintsIsOneCreate() {
        Index ix = Index.on("ix_posts_a", "a");
        ForeignKey fk = ForeignKey.of("fk_posts_user", "user_id", "users", "id");
        UniqueConstraint uq = new UniqueConstraint("uq_posts_a", List.of("a"));
        Check ck = new Check("ck_posts_a", "a > 0");
        Table full = table("posts", "a", "user_id").withIndexes(List.of(ix)).withForeignKeys(List.of(fk))
                .withUniques(List.of(uq)).withChecks(List.of(ck));
        assertEquals(List.of(create("posts", "a", "user_id")), optimize(new CreateTable(full),
                new DropIndex("posts", "ix_posts_a", ix), new DropForeignKey("posts", "fk_posts_user", fk),
                new DropUniqueConstraint("posts", "uq_posts_a", uq), new DropCheck("posts", "ck_posts_a", ck)));
    }

    @Test
    void createThenDropIsNothing() {
        assertEquals(List.of(), optimize(create("posts", "a"), add("posts", "b"), new DropTable("posts", null)));
    }

    @Test
    void addThenDropColumnIsNothing() {
        assertEquals(List.of(), optimize(add("users", "age"), new DropColumn("users", "age", col("age"))));
    }

    @Test
    void addThenAlterColumnIsOneAdd() {
        assertEquals(List.of(new AddColumn("users", text("age"))),
                optimize(add("users", "age"), new AlterColumn("users", text("age"), col("age"))));
    }

    @Test
    void addThenRenameColumnIsOneAdd() {
        assertEquals(List.of(add("users", "years")), optimize(add("users", "age"), new RenameColumn("users", "age", "years")));
    }

    @Test
    void alterThenAlterIsOneAlterKeepingTheFirstPrevious() {
        AlterColumn first = new AlterColumn("users", text("name"), col("name"));
        AlterColumn second = new AlterColumn("users", col("name").notNull(), text("name"));
        assertEquals(List.of(new AlterColumn("users", col("name").notNull(), col("name"))), optimize(first, second));
    }

    @Test
    void alterThenAlterBackIsNothing() {
        AlterColumn first = new AlterColumn("users", text("name"), col("name"));
        assertEquals(List.of(), optimize(first, first.reverse().orElseThrow()));
    }

    @Test
    void alterThenDropColumnIsOneDropOfTheOriginalColumn() {
        assertEquals(List.of(new DropColumn("users", "name", col("name"))),
                optimize(new AlterColumn("users", text("name"), col("name")),
                        new DropColumn("users", "name", text("name"))));
    }

    @Test
    void renameColumnChainsAreOneRenameOrNothing() {
        assertEquals(List.of(new RenameColumn("users", "name", "full_name")), optimize(
                new RenameColumn("users", "name", "n"), new RenameColumn("users", "n", "full_name")));
        assertEquals(List.of(), optimize(
                new RenameColumn("users", "name", "n"), new RenameColumn("users", "n", "name")));
    }

    @Test
    void renameTableChainsAreOneRenameOrNothing() {
        assertEquals(List.of(new RenameTable("users", "people")), optimize(
                new RenameTable("users", "u"), new RenameTable("u", "members"), new RenameTable("members", "people")));
        assertEquals(List.of(), optimize(new RenameTable("users", "u"), new RenameTable("u", "users")));
    }

    @Test
    void createThenDropIndexIsNothing() {
        Index ix = Index.on("ix_users_name", "name");
        assertEquals(List.of(), optimize(new CreateIndex("users", ix), new DropIndex("users", "ix_users_name", ix)));
    }

    @Test
    void addThenDropOfConstraintsIsNothing() {
        ForeignKey fk = ForeignKey.of("fk_tags_user", "label", "users", "id");
        UniqueConstraint uq = new UniqueConstraint("uq_users_name", List.of("name"));
        Check ck = new Check("ck_users_name", "name > 0");
        assertEquals(List.of(), optimize(new AddForeignKey("tags", fk), new DropForeignKey("tags", fk.name(), fk)));
        assertEquals(List.of(), optimize(new AddUniqueConstraint("users", uq),
                new DropUniqueConstraint("users", uq.name(), uq)));
        assertEquals(List.of(), optimize(new AddCheck("users", ck), new DropCheck("users", ck.name(), ck)));
    }

    @Test
    void reducesAcrossOperationsOnOtherObjects() {
        List<Operation> out = optimize(create("posts", "a"), add("users", "age"), new CreateIndex("tags",
                Index.on("ix_tags_label", "label")), add("posts", "b"), add("users", "email"),
                new DropColumn("users", "age", col("age")));
        assertEquals(List.of(create("posts", "a", "b"), new CreateIndex("tags", Index.on("ix_tags_label", "label")),
                add("users", "email")), out);
    }

    @Test
    void anOperationOnTheSameObjectInBetweenBlocks() {
        // the index uses the column, so the column cannot vanish before it
        Index ix = Index.on("ix_users_age", "age");
        List<Operation> in = List.of(add("users", "age"), new CreateIndex("users", ix),
                new DropColumn("users", "age", col("age")));
        assertEquals(in, optimize(in.toArray(Operation[]::new)));
    }

    @Test
    void aForeignKeyToTheTableInBetweenBlocksCreateThenDrop() {
        ForeignKey fk = ForeignKey.of("fk_tags_post", "label", "posts", "id");
        List<Operation> in = List.of(create("posts"), new AddForeignKey("tags", fk), new DropTable("posts", null));
        assertEquals(in, optimize(in.toArray(Operation[]::new)));
    }

    @Test
    void aTableCreatedInBetweenBlocksMovingAForeignKeyToItIntoAnEarlierCreate() {
        ForeignKey fk = ForeignKey.of("fk_posts_cat", "a", "categories", "id");
        List<Operation> in = List.of(create("posts", "a"), create("categories"), new AddForeignKey("posts", fk));
        assertEquals(in, optimize(in.toArray(Operation[]::new)));
    }

    @Test
    void aCheckInBetweenBlocksColumnReductionsOnItsTable() {
        List<Operation> in = List.of(add("users", "age"), new AddCheck("users", new Check("ck_age", "age > 0")),
                new DropColumn("users", "age", col("age")));
        assertEquals(in, optimize(in.toArray(Operation[]::new)));
    }

    @Test
    void rawSqlInBetweenBlocksEverything() {
        List<Operation> in = List.of(create("posts", "a"), RunSQL.of("INSERT INTO posts (id) VALUES (1)", null),
                add("posts", "b"));
        assertEquals(in, optimize(in.toArray(Operation[]::new)));
    }

    @Test
    void aRenameFollowedByADropIsLeftAlone() {
        List<Operation> in = List.of(new RenameColumn("users", "name", "n"), new DropColumn("users", "n", col("n")));
        assertEquals(in, optimize(in.toArray(Operation[]::new)));
    }

    @Test
    void reachesAFixedPointThroughChainsOfReductions() {
        // each reduction enables the next: the add folds into the create, then the rename, then the drop cancels
        List<Operation> out = optimize(create("posts", "a"), add("posts", "b"),
                new RenameTable("posts", "articles"), new RenameColumn("articles", "b", "c"),
                new AlterColumn("articles", text("c"), col("c")), new DropTable("articles", null),
                add("users", "x"), new RenameColumn("users", "x", "y"), new DropColumn("users", "y", col("y")));
        assertEquals(List.of(), out);
    }

    @Test
    void aModelRefusalIsNotAReduction() {
        // dropping the only column would leave a table without columns: keep both operations
        List<Operation> in = List.of(new CreateTable(Table.of("solo", List.of(col("id")), null)),
                new DropColumn("solo", "id", col("id")));
        assertEquals(in, Optimizer.optimize(in));
    }

    @Test
    void everyRuleIsInTheTable() {
        assertEquals(41, ReductionRules.standard().pairs().size(), ReductionRules.standard().pairs().toString());
    }
}
