package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import covet.api.model.LogicalType;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.Operation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operations and fields of the shared schema model on MySQL: primary keys added and dropped, table comments,
 * column collations, stored generated columns and index methods on a real server; what MySQL cannot hold (or this
 * dialect does not manage yet) refused by name when rendered.
 */
class MysqlSchemaFieldsTest {
    private static MysqlTestDatabase db;
    private final MysqlDialect dialect = new MysqlDialect();
    private final Table plain = Table.of("t", List.of(Column.of("id", LogicalType.of(TypeKind.INTEGER)).notNull(),
            Column.of("a", LogicalType.varchar(20))), PrimaryKey.of("id"));

    @BeforeAll
    static void createDatabase() {
        db = MysqlTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private Schema forwardAndBack(Connection c, Schema before, Operation op) throws SQLException {
        Schema after = db.apply(c, op, before);
        SchemaAssert.assertSameSchema(db.dialect.normalize(after), db.introspect(c), "after " + op.describe());
        Schema back = db.apply(c, op.reverse().orElseThrow(), after);
        SchemaAssert.assertSameSchema(db.dialect.normalize(back), db.introspect(c), "after reversing "
                + op.describe());
        return back;
    }

    @Test
    void keysCommentsCollationsGeneratedColumnsAndFulltextOnTheServer() throws SQLException {
        Table tag = Table.of("tag", List.of(Column.of("code", LogicalType.varchar(10)).notNull(),
                Column.of("label", LogicalType.varchar(30)).notNull(),
                Column.of("price", LogicalType.decimal(8, 2)),
                Column.of("body", LogicalType.of(TypeKind.TEXT))), null);
        try (Connection c = db.connect()) {
            Schema s = db.apply(c, new CreateTable(tag), Schema.EMPTY);
            db.execute(c, "INSERT INTO tag (code, label, price) VALUES ('a', 'Alpha', 1.50), ('b', 'beta', 2)");
            s = forwardAndBack(c, s, new AddPrimaryKey("tag", PrimaryKey.of("code", "label")));
            s = forwardAndBack(c, s, new AddPrimaryKey("tag", PrimaryKey.of("code", "label").withComment("the key")));
            s = db.apply(c, new AddPrimaryKey("tag", PrimaryKey.of("code")), s);
            s = forwardAndBack(c, s, new DropPrimaryKey("tag", PrimaryKey.of("code")));
            s = forwardAndBack(c, s, new AlterTable("tag", "tags, it's", Map.of(), null, Map.of()));
            s = forwardAndBack(c, s, new AddColumn("tag", Column.of("label_bin", LogicalType.varchar(30))
                    .withCollation("utf8mb4_bin")));
            s = forwardAndBack(c, s, new AddColumn("tag", Column.of("double_price", LogicalType.decimal(10, 2))
                    .withGenerated("`price` * 2")));
            // an index's comment, and a key's (MySQL keys are indexes), are index comments; changing one alone
            // re-creates the key with it in one statement
            Index cheap = Index.on("tag_price", "price").withComment("it's cheap");
            s = forwardAndBack(c, s, new CreateIndex("tag", cheap));
            s = db.apply(c, new CreateIndex("tag", cheap), s);
            s = forwardAndBack(c, s, new AlterComment("tag", AlterComment.Target.INDEX, "tag_price", "by price",
                    cheap.comment()));
            UniqueConstraint oneLabel = new UniqueConstraint("tag_label_uq", List.of("label")).withComment("one");
            s = forwardAndBack(c, s, new AddUniqueConstraint("tag", oneLabel));
            s = db.apply(c, new AddUniqueConstraint("tag", oneLabel), s);
            s = forwardAndBack(c, s, new AlterComment("tag", AlterComment.Target.CONSTRAINT, "tag_label_uq", null,
                    oneLabel.comment()));
            s = forwardAndBack(c, s, new AlterComment("tag", AlterComment.Target.PRIMARY_KEY, null, "by code", null));
            Operation fulltext = new CreateIndex("tag", Index.on("tag_body_ft", "body").withMethod("fulltext"));
            s = forwardAndBack(c, s, fulltext);
            db.apply(c, fulltext, s);
            assertEquals("fulltext", db.introspect(c).requireTable("tag").index("tag_body_ft").orElseThrow()
                    .method());
            assertEquals(List.of("a:Alpha", "b:beta"), rows(c, "SELECT concat(code, ':', label) FROM tag ORDER BY code"));
        }
    }

    @Test
    void theKeyOfAnAutoIncrementColumnIsNotDroppedFromUnderIt() {
        Table auto = Table.of("t", List.of(Column.of("id", LogicalType.of(TypeKind.INTEGER)).notNull()
                .withAutoIncrement(true)), PrimaryKey.of("id"));
        String message = assertThrows(MysqlUnsupportedException.class, () -> dialect.render(
                new DropPrimaryKey("t", PrimaryKey.of("id")), () -> new Schema(List.of(auto)))).getMessage();
        assertTrue(message.startsWith("mysql: cannot drop the primary key of t: its AUTO_INCREMENT column id"),
                message);
        Table indexed = auto.withIndexes(List.of(Index.on("t_id", "id")));
        assertEquals(List.of("ALTER TABLE `t` DROP PRIMARY KEY"), dialect.render(
                new DropPrimaryKey("t", PrimaryKey.of("id")), () -> new Schema(List.of(indexed))));
        // the key made its columns NOT NULL; those the model holds nullable become nullable again
        Table nullable = Table.of("t", List.of(Column.of("code", LogicalType.varchar(5))), PrimaryKey.of("code"));
        assertEquals(List.of("ALTER TABLE `t` DROP PRIMARY KEY, MODIFY COLUMN `code` varchar(5) NULL"),
                dialect.render(new DropPrimaryKey("t", PrimaryKey.of("code")), () -> new Schema(List.of(nullable))));
    }

    private String refusal(Operation op) {
        return assertThrows(MysqlUnsupportedException.class, () -> dialect.render(op,
                () -> new Schema(List.of(plain)))).getMessage();
    }

    @Test
    void whatMysqlCannotHoldIsRefusedByName() {
        assertEquals("mysql: enum mpaa_rating: named objects other than tables are not supported by this dialect",
                refusal(new CreateObject(EnumType.of("mpaa_rating", "G"))));
        assertTrue(refusal(new CreateObject(new View("v", "select 1", "why", null)))
                .startsWith("mysql: view v has a comment: MySQL keeps no comment on views"));
        assertTrue(refusal(new AlterObject(EnumType.of("e", "a", "b"), EnumType.of("e", "a")))
                .startsWith("mysql: enum e: "));
        assertTrue(assertThrows(MysqlUnsupportedException.class, () -> dialect.render(new AlterTable("t", null,
                Map.of("engine", "MyISAM"), null, null), () -> null)).getMessage()
                .startsWith("mysql: table t: cannot set the options {engine=MyISAM} without knowing"));
        assertTrue(refusal(new AddExclusion("t", new Exclusion("x", "EXCLUDE USING gist (a WITH =)")))
                .contains("exclusion constraint x"));
        assertTrue(refusal(new AttachPartition("t", new Partition("p", "DEFAULT"))).contains("MySQL partitions are not"
                + " tables"));
        assertTrue(refusal(new AddForeignKey("t", ForeignKey.of("fk", "a", "t", "id").withTiming(true, false)))
                .contains("foreign key fk is DEFERRABLE"));
        assertTrue(refusal(new CreateIndex("t", Index.on("i", "a").withMethod("gist")))
                .contains("index i uses method gist"));
        assertTrue(refusal(new CreateIndex("t", Index.on("i", "a").withInclude(List.of("id"))))
                .contains("INCLUDE [id]"));
        assertTrue(refusal(new CreateIndex("t", new Index("i", List.of(new IndexColumn("a", null, true, "last",
                null)), false, null))).contains("NULLS last"));
        assertEquals("mysql: table t: foreign key fk has a comment: comments on foreign keys are not supported by"
                + " this dialect", refusal(new AddForeignKey("t", ForeignKey.of("fk", "a", "t", "id")
                .withComment("x"))));
        assertTrue(refusal(new AddForeignKey("t", ForeignKey.of("fk", "a", "t", "id")
                .onDelete(ReferentialAction.SET_NULL).withOnDeleteSetColumns(List.of("a"))))
                .contains("foreign key fk sets only [a] ON DELETE SET NULL: a column list there is"));
        assertTrue(refusal(new AddCheck("t", new Check("ck", "id > 0", false, "x")))
                .contains("check ck has a comment: comments on checks are"));
        assertTrue(refusal(new CreateTable(plain.withChecks(List.of(new Check("ck", "id > 0", false, "x")))))
                .contains("check ck has a comment"));
    }

    @Test
    void commentsIdentityAndTheLegacyFulltextMarkerNormalise() {
        assertEquals(List.of("ALTER TABLE `t` COMMENT = ''"),
                dialect.render(new AlterTable("t", null, Map.of(), "old", Map.of()), null));
        assertEquals(List.of(), dialect.render(new AlterTable("t", "same", Map.of(), "same", Map.of()), null));
        Table model = plain.withColumns(List.of(Column.of("id", LogicalType.of(TypeKind.INTEGER)).notNull()
                        .withAutoIncrement(true).withIdentity(Identity.ALWAYS), Column.of("a", LogicalType.of(TypeKind.TEXT))))
                .withIndexes(List.of(new Index("ft", List.of(IndexColumn.of("a")), false, "mysql:FULLTEXT")));
        Table normalized = dialect.normalize(new Schema(List.of(model))).tables().get(0);
        assertNull(normalized.requireColumn("id").identity());
        assertEquals("fulltext", normalized.index("ft").orElseThrow().method());
        assertNull(normalized.index("ft").orElseThrow().where());
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
