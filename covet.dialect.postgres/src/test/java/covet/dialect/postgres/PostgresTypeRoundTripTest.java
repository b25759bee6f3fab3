package covet.dialect.postgres;

import static covet.dialect.postgres.SchemaAssertions.assertSameSchema;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.CreateTable;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CreateTable(model), then introspect: equals normalize(model), for every logical type and the usual natives. */
class PostgresTypeRoundTripTest {
    private static PostgresTestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static Column col(String name, String type, boolean nullable, String def) {
        return new Column(name, ColumnType.parse(type), nullable, def, false, null);
    }

    @Test
    void everyLogicalTypeWithDefaultsRoundTrips() throws Exception {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("id", ColumnType.parse("bigint"), true, null, true, "the key"),
                col("small", "smallint", false, "3"),
                col("medium", "integer", true, "-1"),
                col("big", "bigint", true, "'42'"),
                col("amount", "decimal(12,2)", false, "0"),
                col("ratio", "decimal", true, "1.5"),
                col("whole", "decimal(10)", true, null),
                col("f", "float", true, "-2.5"),
                col("d", "double", true, null),
                col("flag", "boolean", false, "TRUE"),
                col("code", "char(3)", true, "'abc'"),
                col("letter", "char", true, null),
                col("title", "varchar(200)", false, "'it''s'"),
                col("free", "varchar", true, null),
                col("body", "text", true, "'a\\b'"),
                col("born", "date", true, "'2020-01-01'"),
                col("at", "time", true, null),
                col("created", "timestamp", false, "current_timestamp"),
                col("changed", "timestamptz", true, "now()"),
                col("blob", "binary", true, null),
                col("doc", "json", true, "'{}'"),
                col("ref", "uuid", true, "gen_random_uuid()"),
                col("tags", "native:text[]", true, "'{}'"),
                col("raw", "native:json", true, null),
                col("precise", "native:TIMESTAMP(3)", true, null),
                col("span", "native:interval", true, "'1 day'"),
                col("addr", "native:inet", true, null),
                col("legacy", "native:int4", true, null),
                col("names", "native:varchar(20)[]", true, null)));
        Table t = new Table("everything", columns, PrimaryKey.of("id"),
                List.of(new UniqueConstraint("everything_code_key", List.of("code", "letter"))),
                List.of(Index.on("everything_title_idx", "title"),
                        new Index("everything_lower_idx", List.of(IndexColumn.expression("lower(title::text)"),
                                new IndexColumn("created", null, true)), true, "(amount > 0::numeric)")),
                List.of(), List.of(new Check("everything_amount_check", "(amount >= 0::numeric)")), "every type");
        Table odd = new Table("Odd \"name\"", List.of(
                new Column("Mixed Case", ColumnType.parse("smallint"), true, null, true, "quote ' and \\ and\nline"),
                col("plain", "integer", true, null)), null, null, null, null, null, "");
        Table serialSmall = Table.of("small_keys",
                List.of(new Column("k", ColumnType.parse("smallint"), false, null, true, null)),
                new PrimaryKey("small_keys_custom_pk", List.of("k")));
        Schema model = new Schema(List.of(t, odd, serialSmall));

        try (Connection c = db.connect()) {
            Migrator m = new Migrator(c, Schema.EMPTY);
            for (Table table : model.tables()) {
                m.apply(new CreateTable(table));
            }
            Schema live = m.introspect();
            assertSameSchema(PostgresTestDatabase.DIALECT.normalize(model), live, "type round trip");
            // predicates are written as the server deparses them (see docs/dialects/postgresql.md)
            // what the introspector reports is already normal: a schema diffed with itself is empty
            assertSameSchema(live, PostgresTestDatabase.DIALECT.normalize(live), "normalize(introspected)");
        }
    }
}
