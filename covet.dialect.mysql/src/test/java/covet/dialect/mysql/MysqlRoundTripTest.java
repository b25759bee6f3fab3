package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import covet.api.operation.CreateTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CreateTable(model), then introspect: the database must hold exactly normalize(model). */
class MysqlRoundTripTest {
    private static MysqlTestDatabase db;

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

    private static void dropQuietly(String... tables) throws SQLException {
        try (Connection c = db.connect()) {
            for (String t : tables) {
                db.execute(c, "DROP TABLE IF EXISTS " + t);
            }
        }
    }

    private Schema roundTrip(Connection c, Schema model) throws SQLException {
        Schema state = Schema.EMPTY;
        for (Table t : model.tables()) {
            state = db.apply(c, new CreateTable(t), state);
        }
        return SchemaAssert.only(db.introspect(c),
                model.tables().stream().map(Table::name).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void everyLogicalTypeRoundTrips() throws SQLException {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", LogicalType.of(TypeKind.BIGINT), false, null, true, "the key"));
        for (TypeKind k : TypeKind.values()) {
            ColumnType t = k.takesLength() ? new LogicalType(k, 20, null, null)
                    : k.takesPrecision() ? LogicalType.decimal(12, 3) : LogicalType.of(k);
            columns.add(Column.of("c_" + k.spelling(), t));
            columns.add(Column.of("n_" + k.spelling(), t).notNull());
        }
        columns.add(Column.of("d_plain", LogicalType.of(TypeKind.DECIMAL)));
        columns.add(Column.of("v_plain", LogicalType.of(TypeKind.VARCHAR)));
        Table t = Table.of("all_types", columns, PrimaryKey.of("id"));
        try (Connection c = db.connect()) {
            Schema model = new Schema(List.of(t));
            Schema live = roundTrip(c, model);
            SchemaAssert.assertSameSchema(db.dialect.normalize(model), live, "normalize(model) vs live");
            Table read = live.requireTable("all_types");
            assertEquals("char(36)", read.requireColumn("c_uuid").type().spelling(), "uuid is stored as char(36)");
            assertEquals("json", read.requireColumn("c_json").type().spelling(), "MariaDB's longtext json reads as json");
            assertEquals("boolean", read.requireColumn("c_boolean").type().spelling());
            assertEquals("decimal(10,0)", read.requireColumn("d_plain").type().spelling());
            assertEquals(List.of(), read.checks(), "json_valid checks are part of the json type");
        } finally {
            dropQuietly("all_types");
        }
    }

    @Test
    void defaultsCommentsNativeTypesAndKeysRoundTrip() throws SQLException {
        Table parent = new Table("parent", List.of(
                new Column("id", LogicalType.of(TypeKind.INTEGER), false, null, true, null),
                new Column("code", LogicalType.varchar(10), false, null, false, null),
                new Column("title", LogicalType.of(TypeKind.TEXT), true, null, false, null)),
                PrimaryKey.of("id"),
                List.of(new UniqueConstraint("parent_code_uq", List.of("code"))),
                List.of(Index.on("parent_title_ft", "title").withMethod(MysqlIndexKind.FULLTEXT),
                        new Index("parent_title_prefix", List.of(IndexColumn.expression("`title`(12)")), false, null)),
                null, null, "parents, it's \"quoted\"\nand multi-line");
        Table child = new Table("child", List.of(
                new Column("id", LogicalType.of(TypeKind.BIGINT), false, null, false, null),
                new Column("parent_id", LogicalType.of(TypeKind.INTEGER), true, null, false, null),
                new Column("parent_code", LogicalType.varchar(10), true, null, false, null),
                new Column("active", LogicalType.of(TypeKind.BOOLEAN), false, "TRUE", false, "on/off"),
                new Column("price", LogicalType.decimal(6, 2), false, "5", false, null),
                new Column("name", LogicalType.varchar(30), false, "'it''s \\\\ here'", false, null),
                new Column("ratio", LogicalType.of(TypeKind.DOUBLE), true, "1.50", false, null),
                new Column("created", LogicalType.of(TypeKind.TIMESTAMPTZ), false,
                        "current_timestamp() on update current_timestamp()", false, null),
                new Column("happened", LogicalType.of(TypeKind.TIMESTAMP), true, "NULL", false, null),
                new Column("status", ColumnType.parse("native:ENUM('new', 'Done')"), false, "'new'", false, null),
                new Column("tags", ColumnType.parse("native:set('a','b')"), true, null, false, null),
                new Column("qty", ColumnType.parse("native:int(10) unsigned"), false, "0", false, null),
                new Column("year", ColumnType.parse("native:year"), true, null, false, null),
                new Column("bits", ColumnType.parse("native:bit(3)"), true, null, false, null),
                new Column("precise", ColumnType.parse("native:datetime(6)"), true, "CURRENT_TIMESTAMP(6)", false, null),
                new Column("big_text", ColumnType.parse("native:mediumtext"), true, null, false, null),
                new Column("legacy", ColumnType.parse("native:varchar(5) character set utf8 collate utf8_bin"),
                        true, null, false, null),
                new Column("neg", ColumnType.parse("native:bigint generated always as (`id` * -1) virtual"),
                        true, null, false, null)),
                new PrimaryKey("ignored_pk_name", List.of("id")),
                List.of(new UniqueConstraint("child_name_uq", List.of("name", "status"))),
                List.of(Index.uniqueOn("child_ratio_uq", "ratio"),
                        new Index("child_desc", List.of(new IndexColumn("price", null, true)), false, null),
                        Index.on("child_parent_id", "parent_id")),
                List.of(ForeignKey.of("child_parent_fk", "parent_id", "parent", "id")
                                .onDelete(ReferentialAction.CASCADE).onUpdate(ReferentialAction.RESTRICT),
                        ForeignKey.of("child_code_fk", "parent_code", "parent", "code")
                                .onDelete(ReferentialAction.SET_NULL)),
                List.of(new Check("child_price_positive", "(`price` >= 0)")), null);
        try (Connection c = db.connect()) {
            Schema model = new Schema(List.of(parent, child));
            Schema live = roundTrip(c, model);
            SchemaAssert.assertSameSchema(db.dialect.normalize(model), live, "normalize(model) vs live");
            Table read = live.requireTable("child");
            assertEquals("1", read.requireColumn("active").defaultValue());
            assertEquals("5.00", read.requireColumn("price").defaultValue());
            assertEquals("CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", read.requireColumn("created").defaultValue());
            assertEquals("native:enum('new','Done')", read.requireColumn("status").type().spelling());
            assertEquals("native:int unsigned", read.requireColumn("qty").type().spelling());
            assertEquals(List.of("child_name_uq", "child_ratio_uq"),
                    read.uniques().stream().map(UniqueConstraint::name).toList(), "unique indexes read as constraints");
            assertEquals(List.of("child_desc", "child_parent_id"), read.indexes().stream().map(Index::name).toList(),
                    "the implicit index of child_code_fk is hidden");
            assertEquals(db.dialect.normalize(live), live, "the normaliser leaves an introspected schema alone");
        } finally {
            dropQuietly("child", "parent");
        }
    }
}
