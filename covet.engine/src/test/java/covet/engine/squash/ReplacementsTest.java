package covet.engine.squash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.model.Index;
import covet.api.model.PrimaryKey;
import covet.api.model.Table;
import covet.api.operation.AddColumn;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.engine.history.AppliedMigration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of a squash and its replaced migrations one database runs, for each state of its history. */
class ReplacementsTest {
    static final String M1 = "20260101_000001_users";
    static final String M2 = "20260101_000002_age";
    static final String M3 = "20260101_000003_age_text";
    static final String M4 = "20260101_000004_posts";
    static final String M5 = "20260101_000005_posts_index";
    static final String S = "20260101_000001_squashed_posts";

    static Migration m(String id, List<String> deps, Operation... ops) {
        return new Migration(id, null, deps, List.of(ops), "migrations/" + id + ".json");
    }

    static Table table(String name) {
        return Table.of(name, List.of(Column.of("id", "integer").notNull()), PrimaryKey.of("id"));
    }

    static final Migration MIG1 = m(M1, List.of(), new CreateTable(table("users")));
    static final Migration MIG2 = m(M2, List.of(M1), new AddColumn("users", Column.of("age", "integer")));
    static final Migration MIG3 = m(M3, List.of(M2), new AlterColumn("users", Column.of("age", "text"),
            Column.of("age", "integer")));
    static final Migration MIG4 = m(M4, List.of(M3), new CreateTable(table("posts")));
    static final Migration MIG5 = m(M5, List.of(M4), new CreateIndex("posts", Index.on("ix_posts_id", "id")));
    static final Migration SQUASH = m(S, List.of(),
            new CreateTable(table("users").addColumn(Column.of("age", "text"))), new CreateTable(table("posts")));
    static final ReplacementIndex INDEX = ReplacementIndex.of(Map.of(S, List.of(M1, M2, M3, M4)));
    static final List<Migration> ALL = List.of(MIG1, MIG2, MIG3, MIG4, MIG5, SQUASH);

    static AppliedMigration row(String name) {
        return new AppliedMigration(1, name, "default", Instant.EPOCH, "x", 0, 1, 1, AppliedMigration.APPLIED);
    }

    static List<AppliedMigration> rows(String... names) {
        List<AppliedMigration> rows = new ArrayList<>();
        for (String n : names) {
            rows.add(row(n));
        }
        return rows;
    }

    static List<String> order(ResolvedGraph r) {
        return r.graph().order().stream().map(Migration::id).toList();
    }

    static List<String> pending(ResolvedGraph r) {
        return r.pending("default").stream().map(Migration::id).toList();
    }

    @Test
    void aNewDatabaseRunsTheSquashAndWhatFollowsItsRange() {
        ResolvedGraph r = Replacements.resolve(ALL, INDEX, List.of());
        assertEquals(List.of(S, M5), order(r));
        assertEquals(List.of(S), r.graph().find(M5).orElseThrow().dependencies(), "redirected to the squash");
        assertEquals(List.of(S, M5), pending(r));
        assertTrue(r.isAbsorbed(M1) && r.isAbsorbed(M4));
    }

    @Test
    void aDatabaseThatAppliedEveryReplacedMigrationIsUpToDate() {
        List<AppliedMigration> history = rows(M1, M2, M3, M4, M5);
        ResolvedGraph r = Replacements.resolve(ALL, INDEX, history);
        assertEquals(List.of(S, M5), order(r));
        assertEquals(List.of(), pending(r));
        assertTrue(r.isApplied(S));
        List<AppliedMigration> collapsed = r.collapse(history);
        assertEquals(List.of(S, M5), collapsed.stream().map(AppliedMigration::name).toList(),
                "the replaced rows read as one row of the squash, for status and rollback");
        assertEquals(2, collapsed.get(0).operationsApplied());
    }

    @Test
    void aDatabaseThatAppliedSomeRunsTheRestOfTheOldOnes() {
        ResolvedGraph r = Replacements.resolve(ALL, INDEX, rows(M1, M2));
        assertEquals(List.of(M1, M2, M3, M4, M5), order(r));
        assertEquals(List.of(M3, M4, M5), pending(r));
        assertTrue(!r.isAbsorbed(M3));
        assertEquals(List.of(M1, M2), r.collapse(rows(M1, M2)).stream().map(AppliedMigration::name).toList());
    }

    @Test
    void aFailedRowCountsAsStarted() {
        AppliedMigration failed = new AppliedMigration(2, M1, "default", Instant.EPOCH, "x", 0, 0, 1,
                AppliedMigration.FAILED);
        ResolvedGraph r = Replacements.resolve(ALL, INDEX, List.of(failed));
        assertEquals(List.of(M1, M2, M3, M4, M5), order(r), "the old ones resume where the failure stopped");
        assertEquals(List.of(M1, M2, M3, M4, M5), pending(r));
    }

    @Test
    void aDatabaseThatAppliedTheSquashItselfIsUpToDate() {
        ResolvedGraph r = Replacements.resolve(ALL, INDEX, rows(S));
        assertEquals(List.of(M5), pending(r));
        assertEquals(List.of(S), r.collapse(rows(S)).stream().map(AppliedMigration::name).toList());
    }

    @Test
    void theOldFilesMayGoOnceEveryDatabaseIsPastThem() {
        List<Migration> files = List.of(MIG5, SQUASH);
        ResolvedGraph r = Replacements.resolve(files, INDEX, rows(M1, M2, M3, M4, S));
        assertEquals(List.of(S, M5), order(r));
        assertEquals(List.of(M5), pending(r));
        assertTrue(r.isAbsorbed(M2), "the old rows are accounted for");
        assertEquals(List.of(S, M5), pending(Replacements.resolve(files, INDEX, List.of())));
    }

    @Test
    void aPartlyMigratedDatabaseNeedsTheOldFiles() {
        SquashException e = assertThrows(SquashException.class,
                () -> Replacements.resolve(List.of(MIG5, SQUASH), INDEX, rows(M1, M2)));
        assertTrue(e.getMessage().contains(S) && e.getMessage().contains(M3) && e.getMessage().contains(M4),
                e.getMessage());
    }

    @Test
    void aMigrationWrittenAfterTheSquashFollowsTheOldOnesWhereTheyRun() {
        Migration after = m("20260102_000000_later", List.of(S), new AddColumn("posts", Column.of("t", "text")));
        List<Migration> files = List.of(MIG1, MIG2, MIG3, MIG4, SQUASH, after);
        ResolvedGraph partial = Replacements.resolve(files, INDEX, rows(M1));
        assertEquals(List.of(M4), partial.graph().find(after.id()).orElseThrow().dependencies());
        assertEquals(List.of(M2, M3, M4, after.id()), pending(partial));
        ResolvedGraph fresh = Replacements.resolve(files, INDEX, List.of());
        assertEquals(List.of(S), fresh.graph().find(after.id()).orElseThrow().dependencies());
    }

    @Test
    void aSquashOfASquashIsUsedByEveryKindOfDatabase() {
        String s1 = "20260101_000001_squashed_age";
        String s2 = "20260101_000001_squashed_all";
        Migration sq1 = m(s1, List.of(), new CreateTable(table("users").addColumn(Column.of("age", "integer"))));
        Migration sq2 = m(s2, List.of(), SQUASH.operations().toArray(Operation[]::new));
        Migration mig3 = m(M3, List.of(s1), MIG3.operations().toArray(Operation[]::new));
        List<Migration> files = List.of(MIG1, MIG2, sq1, mig3, MIG4, sq2, MIG5);
        ReplacementIndex index = ReplacementIndex.of(Map.of(s1, List.of(M1, M2),
                s2, List.of(M1, M2, s1, M3, M4)));
        assertEquals(List.of(s2, M5), pending(Replacements.resolve(files, index, List.of())));
        assertEquals(List.of(M5), pending(Replacements.resolve(files, index, rows(s1, M3, M4))));
        assertEquals(List.of(M5), pending(Replacements.resolve(files, index, rows(M1, M2, M3, M4))));
        ResolvedGraph partial = Replacements.resolve(files, index, rows(s1));
        assertEquals(List.of(M3, M4, M5), pending(partial), "s2 is not used; s1 counts as applied");
        ResolvedGraph inner = Replacements.resolve(files, index, rows(M1));
        assertEquals(List.of(M2, M3, M4, M5), pending(inner), "neither squash is used");
    }

    @Test
    void withoutSidecarsNothingChanges() {
        List<Migration> plain = List.of(MIG1, MIG2, MIG3);
        ResolvedGraph r = Replacements.resolve(plain, ReplacementIndex.EMPTY, rows(M1));
        assertEquals(List.of(M1, M2, M3), order(r));
        assertEquals(List.of(M2, M3), pending(r));
    }
}
