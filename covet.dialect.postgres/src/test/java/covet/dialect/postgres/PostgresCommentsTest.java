package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Domain;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.MaterializedView;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddCheck;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Comments on indexes and on every kind of constraint, and {@code ON DELETE SET NULL (columns)}: rendered, applied,
 * seen by pg_dump, read back by the introspector as they were written, and reversed to the previous dump.
 */
class PostgresCommentsTest {
    private RenderedSqlHarness h;

    @BeforeEach
    void database() throws SQLException {
        h = new RenderedSqlHarness();
    }

    @AfterEach
    void drop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private static Column col(String name, String type) {
        return Column.of(name, ColumnType.parse(type));
    }

    private static Table users() {
        return Table.of("users", List.of(col("id", "integer").notNull(), col("org", "integer").notNull()),
                        PrimaryKey.of("id").withComment("one per person"))
                .withUniques(List.of(new UniqueConstraint("users_id_org_key", List.of("id", "org"))));
    }

    /** Every comment and both SET NULL forms in one CREATE TABLE, as the tbls-testdata schema has them. */
    private static Table posts() {
        return Table.of("posts", List.of(col("id", "integer").notNull(), col("user_id", "integer"),
                        col("org", "integer"), col("title", "text"), col("during", "native:tsrange")),
                        new PrimaryKey("posts_pkey", List.of("id"), "the post"))
                .withUniques(List.of(new UniqueConstraint("posts_title_key", List.of("title")).withComment("once")))
                .withChecks(List.of(new Check("posts_id_check", "id > 0", false, "positive"),
                        new Check("posts_org_check", "org > 0", true, "checked later")))
                .withForeignKeys(List.of(
                        ForeignKey.of("posts_user_id_fk", "user_id", "users", "id").onDelete(ReferentialAction.SET_NULL)
                                .withOnDeleteSetColumns(List.of("user_id")).withComment("posts -> users"),
                        new ForeignKey("posts_user_org_fk", List.of("user_id", "org"), "users", List.of("id", "org"),
                                ReferentialAction.SET_DEFAULT, null, false, false, false, List.of("org"), null)))
                .withExclusions(List.of(new Exclusion("posts_during_excl", "EXCLUDE USING gist (during WITH &&)",
                        "no overlap")))
                .withIndexes(List.of(Index.on("posts_user_id_idx", "user_id").withComment("posts.user_id index"),
                        Index.on("posts_org_idx", "org")));
    }

    @Test
    void createTableCommentsEveryIndexAndConstraintAndReadsThemBack() throws Exception {
        h.apply(new CreateTable(users()));
        List<String> sql = h.roundTrip(new CreateTable(posts()), () -> {
            String dump = h.dumpText();
            for (String expected : List.of(
                    "COMMENT ON CONSTRAINT posts_user_id_fk ON public.posts IS 'posts -> users'",
                    "COMMENT ON INDEX public.posts_user_id_idx IS 'posts.user_id index'",
                    "COMMENT ON CONSTRAINT posts_pkey ON public.posts IS 'the post'",
                    "COMMENT ON CONSTRAINT posts_title_key ON public.posts IS 'once'",
                    "COMMENT ON CONSTRAINT posts_id_check ON public.posts IS 'positive'",
                    "COMMENT ON CONSTRAINT posts_org_check ON public.posts IS 'checked later'",
                    "COMMENT ON CONSTRAINT posts_during_excl ON public.posts IS 'no overlap'",
                    "COMMENT ON CONSTRAINT users_pkey ON public.users IS 'one per person'",
                    "FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE SET NULL (user_id)",
                    "FOREIGN KEY (user_id, org) REFERENCES public.users(id, org) ON DELETE SET DEFAULT (org)")) {
                assertTrue(dump.contains(expected), expected + " in\n" + dump);
            }
            assertTrue(!dump.contains("COMMENT ON INDEX public.posts_org_idx"), dump);
            Schema read = PostgresTestDatabase.DIALECT.introspector().introspect(h.connection());
            assertEquals(PostgresNormalizer.table(posts()), read.table("posts").orElseThrow(),
                    "comments and SET NULL columns come back as written");
            assertEquals(PostgresNormalizer.table(users()), read.table("users").orElseThrow());
        });
        assertTrue(sql.contains("COMMENT ON INDEX \"posts_user_id_idx\" IS 'posts.user_id index'"), sql.toString());
        assertTrue(sql.contains("COMMENT ON CONSTRAINT \"posts_pkey\" ON \"posts\" IS 'the post'"), sql.toString());
        assertTrue(sql.stream().anyMatch(s -> s.contains("ON DELETE SET NULL (\"user_id\")")), sql.toString());
        // the NOT VALID check is added after CREATE TABLE, and commented after that
        assertTrue(sql.indexOf("COMMENT ON CONSTRAINT \"posts_org_check\" ON \"posts\" IS 'checked later'")
                > sql.indexOf(sql.stream().filter(s -> s.contains("ADD CONSTRAINT \"posts_org_check\"")).findFirst()
                .orElseThrow()), sql.toString());
    }

    @Test
    void eachAddedConstraintAndIndexIsCommented() throws Exception {
        Table bare = Table.of("doc", List.of(col("id", "integer").notNull(), col("owner", "integer"),
                col("during", "native:tsrange")), null);
        h.apply(new CreateTable(users()));
        h.apply(new CreateTable(bare));
        assertEquals(List.of("ALTER TABLE \"doc\" ADD PRIMARY KEY (\"id\")",
                        "COMMENT ON CONSTRAINT \"doc_pkey\" ON \"doc\" IS 'the key'"),
                h.roundTrip(new AddPrimaryKey("doc", PrimaryKey.of("id").withComment("the key")),
                        () -> assertEquals("the key", comment("doc_pkey"))));
        assertEquals(List.of("ALTER TABLE \"doc\" ADD CONSTRAINT \"doc_owner_key\" UNIQUE (\"owner\")",
                        "COMMENT ON CONSTRAINT \"doc_owner_key\" ON \"doc\" IS 'one each'"),
                h.roundTrip(new AddUniqueConstraint("doc", new UniqueConstraint("doc_owner_key", List.of("owner"))
                        .withComment("one each")), () -> assertEquals("one each", comment("doc_owner_key"))));
        assertEquals(List.of("ALTER TABLE \"doc\" ADD CONSTRAINT \"doc_id_check\" CHECK (id > 0)",
                        "COMMENT ON CONSTRAINT \"doc_id_check\" ON \"doc\" IS 'it''s positive'"),
                h.roundTrip(new AddCheck("doc", new Check("doc_id_check", "id > 0", false, "it's positive")),
                        () -> assertEquals("it's positive", comment("doc_id_check"))));
        assertEquals(List.of("ALTER TABLE \"doc\" ADD CONSTRAINT \"doc_owner_fk\" FOREIGN KEY (\"owner\")"
                                + " REFERENCES \"users\" (\"id\") ON DELETE SET NULL (\"owner\")",
                        "COMMENT ON CONSTRAINT \"doc_owner_fk\" ON \"doc\" IS 'whose'"),
                h.roundTrip(new AddForeignKey("doc", ForeignKey.of("doc_owner_fk", "owner", "users", "id")
                        .onDelete(ReferentialAction.SET_NULL).withOnDeleteSetColumns(List.of("owner"))
                        .withComment("whose")), () -> {
                            assertEquals("whose", comment("doc_owner_fk"));
                            assertTrue(h.dumpText().contains("ON DELETE SET NULL (owner)"), h.dumpText());
                        }));
        assertEquals(List.of("ALTER TABLE \"doc\" ADD CONSTRAINT \"doc_during_excl\" EXCLUDE USING gist (during"
                        + " WITH &&)", "COMMENT ON CONSTRAINT \"doc_during_excl\" ON \"doc\" IS 'apart'"),
                h.roundTrip(new AddExclusion("doc", new Exclusion("doc_during_excl",
                        "EXCLUDE USING gist (during WITH &&)", "apart")),
                        () -> assertEquals("apart", comment("doc_during_excl"))));
        assertEquals(List.of("CREATE INDEX \"doc_owner_idx\" ON \"doc\" (\"owner\")",
                        "COMMENT ON INDEX \"doc_owner_idx\" IS 'by owner'"),
                h.roundTrip(new CreateIndex("doc", Index.on("doc_owner_idx", "owner").withComment("by owner")),
                        () -> assertEquals("by owner", h.one("SELECT obj_description('doc_owner_idx'::regclass,"
                                + " 'pg_class')"))));
    }

    @Test
    void aCommentAloneIsChangedInPlace() throws Exception {
        h.apply(new CreateTable(users()));
        h.apply(new CreateTable(posts()));
        String oid = h.one("SELECT 'posts_user_id_idx'::regclass::oid");
        assertEquals(List.of("COMMENT ON INDEX \"posts_user_id_idx\" IS 'by user'"),
                h.roundTrip(new AlterComment("posts", AlterComment.Target.INDEX, "posts_user_id_idx", "by user",
                        "posts.user_id index"), () -> {
                            assertTrue(h.dumpText().contains("COMMENT ON INDEX public.posts_user_id_idx IS 'by user'"));
                            assertEquals(oid, h.one("SELECT 'posts_user_id_idx'::regclass::oid"), "not rebuilt");
                        }));
        assertEquals(List.of("COMMENT ON CONSTRAINT \"users_pkey\" ON \"users\" IS 'people'"),
                h.roundTrip(new AlterComment("users", AlterComment.Target.PRIMARY_KEY, null, "people",
                        "one per person"), () -> assertEquals("people", comment("users_pkey"))));
        assertEquals(List.of("COMMENT ON CONSTRAINT \"posts_user_id_fk\" ON \"posts\" IS NULL"),
                h.roundTrip(new AlterComment("posts", AlterComment.Target.CONSTRAINT, "posts_user_id_fk", null,
                        "posts -> users"), () -> assertTrue(!h.dumpText().contains("posts -> users"))));
    }

    @Test
    void materializedViewIndexCommentsAreSetAndChangedInPlace() throws Exception {
        h.apply(new CreateTable(users()));
        Index byOrg = Index.on("users_by_org_idx", "org").withComment("by org");
        MaterializedView mv = new MaterializedView("users_by_org", "SELECT org, count(*) AS n FROM users GROUP BY"
                + " org", true, List.of(byOrg), null, null);
        h.roundTrip(new CreateObject(mv), () -> assertTrue(h.dumpText().contains(
                "COMMENT ON INDEX public.users_by_org_idx IS 'by org'"), h.dumpText()));
        h.apply(new CreateObject(mv));
        MaterializedView recommented = new MaterializedView(mv.name(), mv.definition(), true,
                List.of(byOrg.withComment("per org")), null, null);
        // a comment-only change comments the index; it does not rebuild it
        assertEquals(List.of("COMMENT ON INDEX \"users_by_org_idx\" IS 'per org'"),
                h.roundTrip(new AlterObject(recommented, mv), () -> assertTrue(h.dumpText().contains(
                        "COMMENT ON INDEX public.users_by_org_idx IS 'per org'"), h.dumpText())));
    }

    @Test
    void domainChecksKeepTheirCommentsAndChangeThemInPlace() throws Exception {
        Domain posint = new Domain("posint", "integer", false, null, null,
                List.of(new Check("posint_check", "VALUE > 0", false, "positive")), null, null);
        h.roundTrip(new CreateObject(posint), () -> {
            assertTrue(h.dumpText().contains("COMMENT ON CONSTRAINT posint_check ON DOMAIN public.posint IS"
                    + " 'positive'"), h.dumpText());
            Schema read = PostgresTestDatabase.DIALECT.introspector().introspect(h.connection());
            assertEquals(PostgresTestDatabase.DIALECT.normalize(new Schema(List.of(), List.of(posint))).objects(),
                    read.objects().stream().map(o -> o.withDependsOn(List.of())).toList());
        });
        h.apply(new CreateObject(posint));
        Domain recommented = new Domain("posint", "integer", false, null, null,
                List.of(new Check("posint_check", "VALUE > 0", false, "above zero")), null, null);
        assertEquals(List.of("COMMENT ON CONSTRAINT \"posint_check\" ON DOMAIN \"posint\" IS 'above zero'"),
                h.roundTrip(new AlterObject(recommented, posint), () -> assertEquals("above zero",
                        comment("posint_check"))));
    }

    private String comment(String constraint) throws SQLException {
        return h.one("SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = '"
                + constraint + "'");
    }
}
