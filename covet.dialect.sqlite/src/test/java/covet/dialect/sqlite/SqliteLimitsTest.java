package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.EnumType;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import covet.api.operation.AddExclusion;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What SQLite cannot hold is refused by name when rendered, never left out of the statement. */
class SqliteLimitsTest {
    private final SqliteDialect dialect = new SqliteDialect();
    private final Table t = Table.of("t", List.of(Column.of("id", "integer").notNull(), Column.of("a", "text")),
            PrimaryKey.of("id"));
    private final Schema schema = new Schema(List.of(t));

    @TempDir
    Path dir;

    private String refusal(Operation op) {
        return assertThrows(SqliteUnsupportedException.class, () -> dialect.render(op, () -> schema)).getMessage();
    }

    @Test
    void namedObjectsAreRefusedNamingTheObject() {
        EnumType rating = EnumType.of("mpaa_rating", "G", "PG");
        assertEquals("sqlite: enum mpaa_rating: objects of this kind are not supported by this dialect (SQLite has"
                + " views, triggers and virtual tables)", refusal(new CreateObject(rating)));
        assertTrue(refusal(new CreateObject(new covet.api.model.Trigger("t", "tr", "UPDATE t SET a = 1", null,
                null))).startsWith("sqlite: trigger t.tr: its definition must be the whole CREATE TRIGGER statement"));
        assertEquals(List.of("CREATE VIEW \"v\" AS SELECT 1"),
                dialect.render(new CreateObject(new View("v", "SELECT 1", null, null)), () -> schema));
        assertTrue(refusal(new AlterObject(EnumType.of("mpaa_rating", "G"), rating)).startsWith("sqlite: enum "));
    }

    @Test
    void postgresOnlyTableFeaturesAreRefused() {
        assertTrue(refusal(new AddExclusion("t", new Exclusion("t_ex", "EXCLUDE USING gist (a WITH =)")))
                .contains("exclusion constraint t_ex"));
        assertTrue(refusal(new AttachPartition("t", new Partition("p", "DEFAULT"))).contains("partitioning"));
        assertTrue(refusal(new CreateTable(t.withOptions(Map.of("unlogged", "true"))))
                .startsWith("sqlite: table t: table option unlogged"));
        assertTrue(refusal(new CreateTable(t.withPartitionBy("RANGE (id)"))).contains("PARTITION BY RANGE (id)"));
    }

    @Test
    void indexFeaturesSqliteLacksAreRefused() {
        assertTrue(refusal(new CreateIndex("t", Index.on("t_a", "a").withMethod("gin")))
                .contains("index t_a uses method gin"));
        assertTrue(refusal(new CreateIndex("t", Index.on("t_a", "a").withInclude(List.of("id"))))
                .contains("INCLUDE [id]"));
        assertTrue(refusal(new CreateIndex("t", new Index("t_a", List.of(new IndexColumn("a", null, false, "first",
                null)), false, null))).contains("NULLS FIRST"));
        assertTrue(refusal(new CreateIndex("t", new Index("t_a", List.of(new IndexColumn("a", null, false, null,
                "text_pattern_ops")), false, null))).contains("operator class text_pattern_ops"));
        assertEquals(List.of("CREATE INDEX \"t_a\" ON \"t\" (\"a\")"),
                dialect.render(new CreateIndex("t", Index.on("t_a", "a").withMethod("btree")), () -> schema));
    }

    @Test
    void notValidForeignKeysAreRefused() {
        Table child = t.withForeignKeys(List.of(ForeignKey.of("t_fk", "a", "t", "id").withNotValid(true)));
        assertTrue(refusal(new CreateTable(child)).contains("foreign key t_fk is NOT VALID"));
    }

    @Test
    void setNullColumnListsAreRefusedAndCommentsNormaliseAway() {
        Table child = t.withForeignKeys(List.of(ForeignKey.of("t_fk", "a", "t", "id")
                .onDelete(ReferentialAction.SET_NULL).withOnDeleteSetColumns(List.of("a"))));
        assertTrue(refusal(new CreateTable(child)).contains("foreign key t_fk sets only [a] ON DELETE SET NULL:"
                + " a column list there is not supported"));
        // SQLite has no comments: the normaliser drops them on indexes and constraints too, as on tables
        Table commented = t.withPrimaryKey(PrimaryKey.of("id").withComment("k"))
                .withIndexes(List.of(Index.on("t_a", "a").withComment("i")))
                .withUniques(List.of(new UniqueConstraint("t_a_uq", List.of("a")).withComment("u")))
                .withChecks(List.of(new Check("t_ck", "id > 0", false, "c")))
                .withForeignKeys(List.of(ForeignKey.of("t_fk", "a", "t", "id").withComment("f")));
        Table normalized = dialect.normalize(new Schema(List.of(commented))).tables().get(0);
        assertEquals(null, normalized.primaryKey().comment());
        assertEquals(null, normalized.indexes().get(0).comment());
        assertEquals(null, normalized.uniques().get(0).comment());
        assertEquals(null, normalized.checks().get(0).comment());
        assertEquals(null, normalized.foreignKeys().get(0).comment());
    }

    @Test
    void aCommentOnlyAlterTableIsNothingToRunAndOtherOptionsAreRefused() {
        assertEquals(List.of(), dialect.render(new AlterTable("t", "hello", Map.of(), null, Map.of()),
                () -> schema));
        assertTrue(refusal(new AlterTable("t", null, Map.of("fillfactor", "70"), null, Map.of()))
                .startsWith("sqlite: table t: table option fillfactor"));
    }

    @Test
    void theKeyOfAnAutoincrementColumnCannotBeDropped() {
        Table auto = Table.of("t", List.of(Column.of("id", "integer").notNull().withAutoIncrement(true)),
                PrimaryKey.of("id"));
        String message = assertThrows(SqliteUnsupportedException.class, () -> dialect.render(
                new DropPrimaryKey("t", PrimaryKey.of("id")), () -> new Schema(List.of(auto)))).getMessage();
        assertTrue(message.contains("AUTOINCREMENT column id"), message);
    }

    @Test
    void identityIsSqlitesOneAutoIncrementAndCollationsAreCanonical() {
        Table model = Table.of("t", List.of(Column.of("id", "integer").notNull().withAutoIncrement(true)
                        .withIdentity(Identity.ALWAYS), Column.of("email", "text").withCollation("nocase"),
                Column.of("code", "text").withCollation("my_coll")), PrimaryKey.of("id"));
        Table normalized = dialect.normalize(new Schema(List.of(model))).tables().get(0);
        assertEquals(null, normalized.requireColumn("id").identity());
        assertEquals("NOCASE", normalized.requireColumn("email").collation());
        assertEquals("my_coll", normalized.requireColumn("code").collation());
        String sql = dialect.render(new CreateTable(model), () -> Schema.EMPTY).get(0);
        assertTrue(sql.contains("\"email\" TEXT COLLATE NOCASE"), sql);
        assertTrue(sql.contains("\"code\" TEXT COLLATE \"my_coll\""), sql);
    }

    @Test
    void collationsGeneratedColumnsAndDeferrableKeysReadBack() throws Exception {
        Table parent = Table.of("p", List.of(Column.of("id", "integer").notNull()), PrimaryKey.of("id"));
        Table model = new Table("c", List.of(Column.of("id", "integer").notNull(),
                Column.of("email", "varchar(100)").notNull().withCollation("NOCASE"),
                Column.of("p_id", "integer"),
                Column.of("email_len", "integer").withGenerated("length(email)")),
                PrimaryKey.of("id"), null, null,
                List.of(ForeignKey.of("c_p_fk", "p_id", "p", "id").withTiming(true, true)), null, null);
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("limits.db"))) {
            Schema s = db.apply(Schema.EMPTY, new CreateTable(parent));
            s = db.apply(s, new CreateTable(model));
            assertEquals(dialect.normalize(s), db.introspect());
            Table read = db.introspect().requireTable("c");
            assertEquals("NOCASE", read.requireColumn("email").collation());
            assertTrue(read.foreignKeys().get(0).initiallyDeferred());
            // the rebuild keeps all of it
            Schema after = db.apply(s, new AlterColumn("c", model.requireColumn("p_id").notNull(),
                    model.requireColumn("p_id")));
            assertEquals(dialect.normalize(after), db.introspect());
        }
    }
}
