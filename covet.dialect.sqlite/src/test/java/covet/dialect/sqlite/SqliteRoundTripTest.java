package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import covet.api.operation.CreateTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CreateTable from a model, introspect, and the result equals the normalised model. */
class SqliteRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyLogicalTypeAndConstraintKindRoundTrips() throws Exception {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("id", ColumnType.parse("bigint"), false, null, true, "surrogate key"));
        for (TypeKind k : TypeKind.values()) {
            String spelling = k.takesLength() ? k.spelling() + "(12)" : k.takesPrecision() ? "decimal(12,2)"
                    : k.spelling();
            columns.add(Column.of("c_" + k.spelling(), spelling));
        }
        columns.add(Column.of("plain_decimal", "decimal"));
        columns.add(Column.of("short_decimal", "decimal(5)"));
        columns.add(Column.of("unbounded", "varchar"));
        columns.add(Column.of("n_int", "native:INT"));
        columns.add(Column.of("n_numeric", "native:NUMERIC(10, 3)"));
        columns.add(Column.of("n_tz", "native:timestamp with time zone"));
        columns.add(Column.of("d_literal", "text").notNull().withDefault("'it''s'"));
        columns.add(Column.of("d_negative", "integer").withDefault("-1"));
        columns.add(Column.of("d_float", "double").withDefault("2.5e3"));
        columns.add(Column.of("d_null", "text").withDefault("NULL"));
        columns.add(Column.of("d_now", "timestamp").withDefault("CURRENT_TIMESTAMP"));
        columns.add(Column.of("d_expr", "text").withDefault("strftime('%Y', 'now')"));
        columns.add(Column.of("d_paren", "text").withDefault("('x' || 'y')"));
        columns.add(Column.of("d_bool", "boolean").notNull().withDefault("TRUE"));
        columns.add(Column.of("parent_a", "integer"));
        columns.add(Column.of("parent_b", "varchar(12)"));
        Table wide = new Table("wide", columns, null,
                List.of(new UniqueConstraint("uq_wide_pair", List.of("parent_a", "parent_b")),
                        new UniqueConstraint("uq_wide_uuid", List.of("c_uuid"))),
                List.of(new Index("ix_wide_expr", List.of(IndexColumn.expression("lower(c_text)"),
                                new IndexColumn("c_date", null, true)), false, null),
                        new Index("ux_wide_partial", List.of(IndexColumn.of("c_varchar")), true,
                                "c_boolean = 1 AND d_negative < 0"),
                        Index.on("a_ix_wide_plain", "c_integer", "c_bigint")),
                List.of(new ForeignKey("fk_wide_parent", List.of("parent_a", "parent_b"), "Parent Table",
                        List.of("a", "b"), ReferentialAction.SET_NULL, ReferentialAction.CASCADE)),
                List.of(new Check("ck_wide_money", "c_decimal >= 0"),
                        new Check("ck_wide_text", "length(c_text) BETWEEN 0 AND 100\n   OR c_text IS NULL")),
                "a table comment SQLite cannot keep");
        Table parent = new Table("Parent Table", List.of(Column.of("a", "integer").notNull(),
                Column.of("b", "varchar(12)").notNull(), Column.of("label", "text")),
                new PrimaryKey("pk_parent", List.of("a", "b")), null, null, null,
                List.of(new Check("ck_parent_label", "label <> ''")), null);
        Table single = new Table("single", List.of(Column.of("code", "char(3)").notNull()),
                new PrimaryKey("pk_single", List.of("code")), null, null,
                List.of(new ForeignKey("fk_single_self", List.of("code"), "single", List.of("code"),
                        ReferentialAction.RESTRICT, ReferentialAction.SET_DEFAULT)), null, null);
        Schema model = new Schema(List.of(wide, parent, single));
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("rt.db"))) {
            Schema s = Schema.EMPTY;
            for (Table t : model.tables()) {
                s = db.apply(s, new CreateTable(t));
            }
            Schema live = db.introspect();
            assertEquals(db.dialect.normalize(model), live);
            assertEquals(live, db.dialect.normalize(live), "normalising what was introspected changes nothing");
            db.exec("INSERT INTO \"Parent Table\" (a, b) VALUES (1, 'x')",
                    "INSERT INTO wide (parent_a, parent_b) VALUES (1, 'x')");
            assertEquals("it's", db.scalar("SELECT d_literal FROM wide"));
            assertEquals("xy", db.scalar("SELECT d_paren FROM wide"));
            assertEquals(1L, SqliteTestDb.count(db.scalar("SELECT id FROM wide")));
        }
    }
}
