package covet.engine.merge;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.model.EnumType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.PrimaryKey;
import covet.api.model.Table;
import covet.api.model.View;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RunSQL;
import covet.engine.graph.MigrationGraph;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Branch conflicts are found and named; a merge is planned only when the branches change different objects. */
class MergePlannerTest {
    static final String BASE = "20260101_000000_users";
    static final String LEFT = "20260102_000000_add_phone";
    static final String RIGHT = "20260102_000100_add_bio";
    static final LocalDateTime NOW = LocalDateTime.of(2026, 1, 3, 12, 0, 0);

    static Migration m(String id, List<String> deps, Operation... ops) {
        return new Migration(id, null, deps, List.of(ops), "migrations/" + id + ".json");
    }

    static Migration base() {
        return m(BASE, List.of(), new CreateTable(Table.of("users", List.of(Column.of("id", "integer").notNull(),
                Column.of("email", "text")), PrimaryKey.of("id"))),
                new CreateTable(Table.of("posts", List.of(Column.of("id", "integer").notNull(),
                        Column.of("user_id", "integer")), PrimaryKey.of("id"))));
    }

    static MigrationGraph branches(Operation left, Operation right) {
        return MigrationGraph.of(List.of(base(), m(LEFT, List.of(BASE), left), m(RIGHT, List.of(BASE), right)));
    }

    @Test
    void oneLeafIsNoConflict() {
        MigrationGraph g = MigrationGraph.of(List.of(base(), m(LEFT, List.of(BASE),
                new AddColumn("users", Column.of("phone", "text")))));
        assertDoesNotThrow(() -> BranchConflicts.check(g, "default"));
        assertEquals(Optional.empty(), MergePlanner.plan(g, "default", NOW, null));
    }

    @Test
    void twoLeavesAreAnErrorNamingBothAndTheFix() {
        MigrationGraph g = branches(new AddColumn("users", Column.of("phone", "text")),
                new AddColumn("users", Column.of("bio", "text")));
        BranchConflictException e = assertThrows(BranchConflictException.class,
                () -> BranchConflicts.check(g, "default"));
        assertEquals(List.of(LEFT, RIGHT), e.leaves());
        for (String part : List.of(LEFT, RIGHT, "migrations/" + LEFT + ".json", "follow " + BASE,
                "covet makemigrations --merge")) {
            assertTrue(e.getMessage().contains(part), part + " missing from: " + e.getMessage());
        }
    }

    @Test
    void leavesOfAnotherAppDoNotCount() {
        Migration other = new Migration("20260102_000500_billing", "billing", List.of(BASE), List.of(), null);
        MigrationGraph g = MigrationGraph.of(List.of(base(), m(LEFT, List.of(BASE)), other));
        assertDoesNotThrow(() -> BranchConflicts.check(g, "default"));
        assertEquals(List.of(other), BranchConflicts.leaves(g, "billing"));
    }

    @Test
    void branchesOnDifferentObjectsMergeIntoAnEmptyMigrationOnBothLeaves() {
        MigrationGraph g = branches(new AddColumn("users", Column.of("phone", "text")),
                new CreateIndex("posts", Index.on("ix_posts_user", "user_id")));
        Migration merge = MergePlanner.plan(g, "default", NOW, null).orElseThrow();
        assertEquals("20260103_120000_merge_add_phone_add_bio", merge.id());
        assertEquals(List.of(LEFT, RIGHT), merge.dependencies());
        assertTrue(merge.operations().isEmpty());
        List<Migration> withMerge = new java.util.ArrayList<>(g.order());
        withMerge.add(merge);
        assertDoesNotThrow(() -> BranchConflicts.check(MigrationGraph.of(withMerge), "default"));
    }

    @Test
    void twoForeignKeysToOneColumnDoNotConflict() {
        MigrationGraph g = branches(new AddForeignKey("posts", ForeignKey.of("fk_a", "user_id", "users", "id")),
                new AddColumn("users", Column.of("bio", "text")));
        assertTrue(MergePlanner.plan(g, "default", NOW, "join").isPresent());
    }

    @Test
    void branchesOnTheSameColumnAreRefusedListingIt() {
        MigrationGraph g = branches(new AlterColumn("users", Column.of("email", "varchar(200)"),
                Column.of("email", "text")), new RenameColumn("users", "email", "mail"));
        MergeRefusedException e = assertThrows(MergeRefusedException.class,
                () -> MergePlanner.plan(g, "default", NOW, null));
        assertTrue(e.getMessage().contains("column users.email: " + LEFT + " alter column users.email / " + RIGHT
                + " rename column users.email to mail"), e.getMessage());
        assertEquals(1, e.overlaps().size(), e.overlaps().toString());
    }

    @Test
    void aTableChangedOnOneSideAndUsedOnTheOtherIsRefused() {
        MigrationGraph g = branches(new covet.api.operation.RenameTable("users", "members"),
                new AddForeignKey("posts", ForeignKey.of("fk_posts_user", "user_id", "users", "id")));
        MergeRefusedException e = assertThrows(MergeRefusedException.class,
                () -> MergePlanner.plan(g, "default", NOW, null));
        assertTrue(e.getMessage().contains("column users.id"), e.getMessage());
    }

    @Test
    void rawSqlIsNotCompared() {
        MigrationGraph g = branches(RunSQL.of("UPDATE users SET email = lower(email)", null),
                RunSQL.of("DELETE FROM users", null));
        assertTrue(MergePlanner.plan(g, "default", NOW, null).isPresent());
    }

    @Test
    void onlyWhatFollowsTheForkIsCompared() {
        // both branches follow BASE, which created users.email: that is common history, not a conflict
        MigrationGraph g = branches(new AddColumn("users", Column.of("phone", "text")),
                new AddColumn("posts", Column.of("title", "text")));
        assertTrue(MergePlanner.plan(g, "default", NOW, null).isPresent());
        assertEquals(List.of(BASE), BranchConflicts.latestCommonAncestors(g, List.of(LEFT, RIGHT)));
    }

    @Test
    void branchesChangingOneObjectAreRefusedNamingIt() {
        View before = new View("user_list", "SELECT id FROM users", null, List.of("table:users"));
        View left = new View("user_list", "SELECT id, email FROM users", null, List.of("table:users"));
        View right = new View("user_list", "SELECT email FROM users", null, List.of("table:users"));
        MigrationGraph g = MigrationGraph.of(List.of(base(), m("20260101_000001_view", List.of(BASE),
                new CreateObject(before)), m(LEFT, List.of("20260101_000001_view"), new AlterObject(left, before)),
                m(RIGHT, List.of("20260101_000001_view"), new AlterObject(right, before))));
        MergeRefusedException e = assertThrows(MergeRefusedException.class,
                () -> MergePlanner.plan(g, "default", NOW, null));
        assertTrue(e.getMessage().contains("view user_list: " + LEFT + " alter view user_list / " + RIGHT
                + " alter view user_list"), e.getMessage());
    }

    @Test
    void aViewOverATableTheOtherBranchChangesIsRefused() {
        MigrationGraph g = branches(new CreateObject(new View("user_list", "SELECT id FROM users", null,
                List.of("table:users"))), new covet.api.operation.DropColumn("users", "email", null));
        MergeRefusedException e = assertThrows(MergeRefusedException.class,
                () -> MergePlanner.plan(g, "default", NOW, null));
        assertTrue(e.getMessage().contains("column users.email"), e.getMessage());
    }

    @Test
    void unrelatedObjectsAndExpressionsMerge() {
        // a default that calls a function is not a change to every function: wildcards are not compared
        MigrationGraph g = branches(new CreateObject(EnumType.of("mood", "ok", "sad")),
                new AddColumn("users", Column.of("seen", "timestamp").withDefault("now()")));
        assertTrue(MergePlanner.plan(g, "default", NOW, null).isPresent());
    }
}
