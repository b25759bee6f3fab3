package covet.engine.squash;

import static covet.engine.squash.ReplacementsTest.ALL;
import static covet.engine.squash.ReplacementsTest.INDEX;
import static covet.engine.squash.ReplacementsTest.M1;
import static covet.engine.squash.ReplacementsTest.M2;
import static covet.engine.squash.ReplacementsTest.M3;
import static covet.engine.squash.ReplacementsTest.M4;
import static covet.engine.squash.ReplacementsTest.M5;
import static covet.engine.squash.ReplacementsTest.MIG1;
import static covet.engine.squash.ReplacementsTest.MIG2;
import static covet.engine.squash.ReplacementsTest.MIG3;
import static covet.engine.squash.ReplacementsTest.MIG4;
import static covet.engine.squash.ReplacementsTest.MIG5;
import static covet.engine.squash.ReplacementsTest.S;
import static covet.engine.squash.ReplacementsTest.m;
import static covet.engine.squash.ReplacementsTest.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.model.Index;
import covet.api.model.Schema;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.engine.state.StateReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SquasherTest {
    static final List<Migration> PLAIN = List.of(MIG1, MIG2, MIG3, MIG4, MIG5);

    @Test
    void squashesARangeIntoItsOptimizedOperations() {
        SquashPlan plan = Squasher.plan(PLAIN, ReplacementIndex.EMPTY, "default", M1, M4, null);
        Migration s = plan.squashed();
        assertEquals("20260101_000001_squashed_posts", s.id(), "FROM's timestamp, TO's name");
        assertEquals(List.of(), s.dependencies());
        assertEquals(List.of(new CreateTable(table("users").addColumn(Column.of("age", "text"))),
                new CreateTable(table("posts"))), s.operations());
        assertEquals(List.of(M1, M2, M3, M4), plan.replaces());
        assertEquals(4, plan.operationsBefore());
    }

    @Test
    void aRangeInTheMiddleDependsOnWhatItFollows() {
        SquashPlan plan = Squasher.plan(PLAIN, ReplacementIndex.EMPTY, "default", M2, M3, "age squashed");
        assertEquals("20260101_000002_age_squashed", plan.squashed().id());
        assertEquals(List.of(M1), plan.squashed().dependencies());
        assertEquals(1, plan.squashed().operations().size(), "add then alter is one add");
        List<Migration> after = new ArrayList<>(PLAIN);
        after.add(plan.squashed());
        ReplacementIndex index = ReplacementIndex.EMPTY.with(plan.squashed().id(), plan.replaces());
        assertEquals(StateReplayer.replay(Schema.EMPTY, PLAIN),
                StateReplayer.replay(Schema.EMPTY, Replacements.resolve(after, index).graph().order()));
    }

    @Test
    void aRangeThatHoldsASquashReplacesWhatThatOneReplaces() {
        SquashPlan plan = Squasher.plan(ALL, INDEX, "default", S, M5, "all");
        assertEquals(List.of(M1, M2, M3, M4, S, M5), plan.replaces());
        assertEquals(List.of(new CreateTable(table("users").addColumn(Column.of("age", "text"))),
                new CreateTable(table("posts").withIndexes(List.of(Index.on("ix_posts_id", "id"))))),
                plan.squashed().operations());
    }

    @Test
    void objectsSquashWithoutMovingADefinitionAheadOfWhatItNeeds() {
        covet.api.model.EnumType mood = covet.api.model.EnumType.of("mood", "ok");
        covet.api.model.EnumType moods = covet.api.model.EnumType.of("mood", "ok", "sad");
        covet.api.model.View v = new covet.api.model.View("moods", "SELECT 1", null, List.of("table:users"));
        Migration a = m("20260101_000001_mood", List.of(), new covet.api.operation.CreateObject(mood),
                new CreateTable(table("users").addColumn(Column.of("mood", "native:mood"))));
        Migration b = m("20260101_000002_sad", List.of(a.id()), new covet.api.operation.AlterObject(moods, mood),
                new covet.api.operation.CreateObject(v));
        Migration c = m("20260101_000003_gone", List.of(b.id()), new covet.api.operation.DropObject(v));
        SquashPlan plan = Squasher.plan(List.of(a, b, c), ReplacementIndex.EMPTY, "default", a.id(), c.id(), null);
        // the view made and dropped is gone; the change to the enum does not move ahead of the table whose native
        // column type may be it (the optimizer cannot tell), so the enum is not folded: safe, if not the shortest
        assertEquals(List.of(new covet.api.operation.CreateObject(mood),
                new CreateTable(table("users").addColumn(Column.of("mood", "native:mood"))),
                new covet.api.operation.AlterObject(moods, mood)), plan.squashed().operations());
    }

    @Test
    void refusesWhatCannotBeSquashed() {
        assertMessage(() -> Squasher.plan(PLAIN, ReplacementIndex.EMPTY, "default", M3, M1, null), "comes after");
        assertMessage(() -> Squasher.plan(PLAIN, ReplacementIndex.EMPTY, "default", M2, M2, null), "two or more");
        assertMessage(() -> Squasher.plan(PLAIN, ReplacementIndex.EMPTY, "default", M1, "20260101_000009_x", null),
                "no migration 20260101_000009_x");
        assertMessage(() -> Squasher.plan(ALL, INDEX, "default", M2, M5, null), "already replaced by " + S);
        assertMessage(() -> Squasher.plan(PLAIN, ReplacementIndex.EMPTY, "default", M1, M4, "users"),
                "exists already");
        assertMessage(() -> Squasher.plan(PLAIN, ReplacementIndex.EMPTY, "default", M1, "not-an-id", null),
                "not a migration id");
    }

    @Test
    void refusesARangeAnOutsideMigrationSitsInside() {
        Migration other = new Migration("20260101_000002_other", "billing", List.of(M1), List.of(), null);
        Migration mid = m(M2, List.of(M1, other.id()), MIG2.operations().toArray(Operation[]::new));
        List<Migration> files = List.of(MIG1, other, mid, MIG3);
        assertMessage(() -> Squasher.plan(files, ReplacementIndex.EMPTY, "default", M1, M3, null),
                other.id() + " lies outside the range but depends on " + M1);
    }

    @Test
    void writesTheFileAndItsSidecarWhichReadBack(@TempDir Path dir) throws Exception {
        SquashPlan plan = Squasher.plan(PLAIN, ReplacementIndex.EMPTY, "default", M1, M4, null);
        List<Path> written = SquashFiles.write(dir, new TextWriter(), plan);
        assertTrue(Files.exists(written.get(0)) && Files.exists(written.get(1)), written.toString());
        Migration located = new Migration(plan.squashed().id(), "default", List.of(), List.of(),
                written.get(0).toString());
        ReplacementIndex index = ReplacementIndex.beside(List.of(located), null);
        assertEquals(List.of(M1, M2, M3, M4), index.replaces(plan.squashed().id()));
        assertMessage(() -> SquashFiles.write(dir, new TextWriter(), plan), "exists already");
    }

    @Test
    void aSidecarLineThatIsNoIdIsAnErrorNamingTheLine() {
        assertMessage(() -> ReplacementIndex.parse("x.replaces", "# c\n" + M1 + "\nbogus\n"), "x.replaces:3");
        assertEquals(List.of(M1, M2), ReplacementIndex.parse("x", ReplacementIndex.format(S, List.of(M1, M2))));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String expected) {
        RuntimeException e = assertThrows(RuntimeException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
