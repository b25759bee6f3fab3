package covet.api.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.SchemaStateException;
import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationTest {
    private static final Table USERS = new Table("users",
            List.of(Column.of("id", "integer").notNull().withAutoIncrement(true),
                    Column.of("email", "varchar(100)").notNull()),
            PrimaryKey.of("id"), List.of(new UniqueConstraint("uq_users_email", List.of("email"))),
            List.of(Index.on("ix_users_email", "email")), null, null, null);
    private static final Table POSTS = new Table("posts",
            List.of(Column.of("id", "integer").notNull(), Column.of("user_id", "integer"),
                    Column.of("title", "varchar(200)")),
            PrimaryKey.of("id"), null, null,
            List.of(ForeignKey.of("fk_posts_user", "user_id", "users", "id").onDelete(ReferentialAction.CASCADE)),
            List.of(new Check("ck_title", "length(title) > 0")), null);
    private static final Schema START = new Schema(List.of(USERS, POSTS));

    private static List<Operation> everyOperation() {
        Column bio = Column.of("bio", "text");
        return List.of(
                new CreateTable(Table.of("tags", List.of(Column.of("id", "integer").notNull()), PrimaryKey.of("id"))),
                new DropTable("posts", POSTS),
                new AddColumn("users", bio),
                new DropColumn("users", "email", USERS.requireColumn("email")),
                new AlterColumn("users", Column.of("email", "varchar(200)"), USERS.requireColumn("email")),
                new RenameTable("users", "accounts"),
                new RenameColumn("users", "email", "mail"),
                new CreateIndex("posts", Index.uniqueOn("ix_posts_title", "title")),
                new DropIndex("users", "ix_users_email", USERS.indexes().get(0)),
                new AddForeignKey("posts", ForeignKey.of("fk_posts_self", "id", "posts", "id")),
                new DropForeignKey("posts", "fk_posts_user", POSTS.foreignKeys().get(0)),
                new AddUniqueConstraint("posts", new UniqueConstraint("uq_title", List.of("title"))),
                new DropUniqueConstraint("users", "uq_users_email", USERS.uniques().get(0)),
                new AddCheck("users", new Check("ck_email", "email <> ''")),
                new DropCheck("posts", "ck_title", POSTS.checks().get(0)),
                new AlterComment("users", AlterComment.Target.INDEX, "ix_users_email", "by mail", null),
                new AlterComment("users", AlterComment.Target.PRIMARY_KEY, null, "the id", null),
                new AlterComment("posts", AlterComment.Target.CONSTRAINT, "fk_posts_user", "whose", null),
                RunSQL.of("UPDATE users SET email = lower(email)", "SELECT 1"));
    }

    @Test
    void everyOperationIsUndoneByItsReverse() {
        for (Operation op : everyOperation()) {
            Schema after = op.applyTo(START);
            Operation reverse = op.reverse().orElseThrow();
            Schema back = reverse.applyTo(after);
            if (op instanceof DropTable) {
                // a re-created table goes to the end of the list: compare by name
                assertEquals(START.requireTable("posts"), back.requireTable("posts"), op.describe());
            } else if (op instanceof DropColumn) {
                assertEquals(START.requireTable("users").columns().stream().map(Column::name).sorted().toList(),
                        back.requireTable("users").columns().stream().map(Column::name).sorted().toList());
            } else {
                assertEquals(START, back, op.describe());
            }
            assertEquals(op, reverse.reverse().orElseThrow(), "reverse of reverse is the operation: " + op);
        }
    }

    @Test
    void destructiveOperationsWithoutDefinitionAreIrreversibleAndSayWhy() {
        List<Operation> bare = List.of(new DropTable("t", null), new DropColumn("t", "c", null),
                new AlterColumn("t", Column.of("c", "text"), null), new DropIndex("t", "i", null),
                new DropForeignKey("t", "f", null), new RunSQL(List.of("DELETE FROM t"), null));
        for (Operation op : bare) {
            assertTrue(op.reverse().isEmpty(), op.describe());
            assertTrue(!op.whyIrreversible().isBlank());
        }
    }

    @Test
    void renamesFollowThroughKeysIndexesAndReferencingForeignKeys() {
        Schema s = new RenameColumn("users", "id", "user_id").applyTo(START);
        assertEquals(List.of("user_id"), s.requireTable("users").primaryKey().columns());
        assertEquals(List.of("user_id"), s.requireTable("posts").foreignKeys().get(0).referencedColumns());
        Schema t = new RenameTable("users", "accounts").applyTo(START);
        assertEquals("accounts", t.requireTable("posts").foreignKeys().get(0).referencedTable());
    }

    @Test
    void aRenamedColumnIsRenamedInTheColumnsAForeignKeySetsOnDelete() {
        Table child = POSTS.withForeignKeys(List.of(POSTS.foreignKeys().get(0).onDelete(ReferentialAction.SET_NULL)
                .withOnDeleteSetColumns(List.of("user_id"))));
        Schema s = new RenameColumn("posts", "user_id", "author_id")
                .applyTo(new Schema(List.of(USERS, child)));
        assertEquals(List.of("author_id"), s.requireTable("posts").foreignKeys().get(0).onDeleteSetColumns());
        assertThrows(IllegalArgumentException.class, () -> POSTS.foreignKeys().get(0)
                .withOnDeleteSetColumns(List.of("user_id")), "CASCADE sets no columns");
        assertEquals(List.of(), child.foreignKeys().get(0).onDelete(ReferentialAction.CASCADE).onDeleteSetColumns());
    }

    @Test
    void aCommentOnSomethingTheTableLacksFailsClearly() {
        SchemaStateException e = assertThrows(SchemaStateException.class, () -> new AlterComment("users",
                AlterComment.Target.INDEX, "nope", "x", null).applyTo(START));
        assertTrue(e.getMessage().contains("no index 'nope'"), e.getMessage());
        assertThrows(SchemaStateException.class, () -> new AlterComment("users", AlterComment.Target.CONSTRAINT,
                "nope", "x", null).applyTo(START));
        assertThrows(IllegalArgumentException.class, () -> new AlterComment("users", AlterComment.Target.INDEX,
                null, "x", null));
    }

    @Test
    void operationsThatDoNotFitTheSchemaFailClearly() {
        SchemaStateException e = assertThrows(SchemaStateException.class,
                () -> new AddColumn("nope", Column.of("x", "text")).applyTo(START));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertThrows(SchemaStateException.class,
                () -> new AddColumn("users", Column.of("email", "text")).applyTo(START));
    }

    @Test
    void recordsHaveValueEquality() {
        assertEquals(new AddColumn("users", Column.of("bio", "text")), new AddColumn("users", Column.of("bio", "text")));
    }
}
