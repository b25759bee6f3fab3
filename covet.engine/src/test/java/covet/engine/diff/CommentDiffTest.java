package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterComment.Target;
import covet.api.operation.CreateIndex;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.Operation;
import covet.engine.questioner.Questioner;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A change of only the comment of an index or a constraint is one AlterComment, not a drop and a re-create (an index
 * rebuild, a constraint re-validated, foreign keys dropped around a key, all for a comment); any other change still
 * re-creates. Applying the diff gives the wanted schema, and reversing it the old one.
 */
class CommentDiffTest {
    private static final Autodetector PLAIN = new Autodetector(s -> s, Questioner.NO_RENAMES);

    private static Table users() {
        return Table.of("users", List.of(Column.of("id", "integer").notNull(), Column.of("org", "integer")),
                PrimaryKey.of("id"));
    }

    private static Table posts() {
        return new Table("posts", List.of(Column.of("id", "integer").notNull(), Column.of("user_id", "integer"),
                Column.of("during", "native:tsrange")), new PrimaryKey("posts_pkey", List.of("id")),
                List.of(new UniqueConstraint("posts_user_key", List.of("user_id", "id"))),
                List.of(Index.on("posts_user_idx", "user_id")),
                List.of(ForeignKey.of("posts_user_fk", "user_id", "users", "id")),
                List.of(new Check("posts_id_check", "id > 0")), null,
                List.of(new Exclusion("posts_during_excl", "EXCLUDE USING gist (during WITH &&)")), null, null,
                null);
    }

    private static List<Operation> diff(Table from, Table to) {
        Schema before = new Schema(List.of(users(), from));
        Schema after = new Schema(List.of(users(), to));
        List<Operation> ops = PLAIN.diff(before, after);
        Schema applied = before;
        for (Operation op : ops) {
            applied = op.applyTo(applied);
        }
        assertEquals(after, applied, "the diff gives the wanted schema");
        Schema reversed = applied;
        for (int i = ops.size() - 1; i >= 0; i--) {
            reversed = ops.get(i).reverse().orElseThrow().applyTo(reversed);
        }
        assertEquals(before, reversed, "and its reverse the old one");
        return ops;
    }

    @Test
    void aCommentAloneIsAlteredInPlace() {
        Table p = posts();
        Table commented = p.withPrimaryKey(p.primaryKey().withComment("the post"))
                .withUniques(List.of(p.uniques().get(0).withComment("once")))
                .withIndexes(List.of(p.indexes().get(0).withComment("by user")))
                .withForeignKeys(List.of(p.foreignKeys().get(0).withComment("whose")))
                .withChecks(List.of(p.checks().get(0).withComment("positive")))
                .withExclusions(List.of(p.exclusions().get(0).withComment("apart")));
        assertEquals(List.of(
                        new AlterComment("posts", Target.PRIMARY_KEY, "posts_pkey", "the post", null),
                        new AlterComment("posts", Target.INDEX, "posts_user_idx", "by user", null),
                        new AlterComment("posts", Target.CONSTRAINT, "posts_user_key", "once", null),
                        new AlterComment("posts", Target.CONSTRAINT, "posts_id_check", "positive", null),
                        new AlterComment("posts", Target.CONSTRAINT, "posts_during_excl", "apart", null),
                        new AlterComment("posts", Target.CONSTRAINT, "posts_user_fk", "whose", null)),
                diff(p, commented));
        assertEquals(List.of(new AlterComment("posts", Target.INDEX, "posts_user_idx", null, "by user")),
                diff(p.withIndexes(List.of(p.indexes().get(0).withComment("by user"))), p));
    }

    @Test
    void anUnnamedKeyIsTheTablesKey() {
        Table u = users();
        assertEquals(List.of(new AlterComment("users", Target.PRIMARY_KEY, null, "who", null)),
                PLAIN.diff(new Schema(List.of(u)), new Schema(List.of(u.withPrimaryKey(u.primaryKey()
                        .withComment("who"))))));
    }

    @Test
    void aCommentWithAnotherChangeStillRecreates() {
        Table p = posts();
        Index wider = Index.on("posts_user_idx", "user_id", "id").withComment("by user");
        assertEquals(List.of(new DropIndex("posts", "posts_user_idx", p.indexes().get(0)),
                new CreateIndex("posts", wider)), diff(p, p.withIndexes(List.of(wider))));
        ForeignKey nulled = p.foreignKeys().get(0).onDelete(ReferentialAction.SET_NULL)
                .withOnDeleteSetColumns(List.of("user_id")).withComment("whose");
        assertEquals(List.of(new DropForeignKey("posts", "posts_user_fk", p.foreignKeys().get(0)),
                new AddForeignKey("posts", nulled)), diff(p, p.withForeignKeys(List.of(nulled))));
    }
}
