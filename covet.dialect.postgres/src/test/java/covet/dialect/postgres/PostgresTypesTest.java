package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.ColumnType;
import org.junit.jupiter.api.Test;

/** Type spellings both ways, and the canonical default form, without a server. */
class PostgresTypesTest {

    private static String normal(String type) {
        return PostgresTypes.normalize(ColumnType.parse(type)).spelling();
    }

    @Test
    void logicalTypesMapBothWays() {
        for (String t : new String[] {"smallint", "integer", "bigint", "decimal(12,2)", "float", "double",
                "boolean", "char(3)", "varchar(10)", "text", "date", "time", "timestamp", "timestamptz", "binary",
                "json", "uuid"}) {
            ColumnType type = ColumnType.parse(t);
            assertEquals(type, PostgresTypes.fromCatalog(PostgresTypes.toSql(type)), t);
        }
        assertEquals("numeric(10,0)", PostgresTypes.toSql(ColumnType.parse("decimal(10)")));
        assertEquals("native:json", PostgresTypes.fromCatalog("json").spelling());
        assertEquals("native:character varying(50)[]", PostgresTypes.fromCatalog("character varying(50)[]")
                .spelling());
    }

    @Test
    void nativeAliasesBecomeCatalogSpellings() {
        assertEquals("integer", normal("native:INT4"));
        assertEquals("native:character varying(20)[]", normal("native:varchar(20)[]"));
        assertEquals("native:timestamp(3) without time zone", normal("native:timestamp(3)"));
        assertEquals("char(1)", normal("char"));
        assertEquals("decimal(10,0)", normal("native:numeric(10)"));
        assertEquals("native:\"MyEnum\"", normal("native:\"MyEnum\""));
        assertEquals("native:post_types", normal("native:Post_Types"));
    }

    @Test
    void defaultsHaveOneCanonicalForm() {
        ColumnType integer = ColumnType.parse("integer");
        ColumnType varchar = ColumnType.parse("varchar(5)");
        assertEquals("-1", PostgresDefaults.canonical("'-1'::integer", integer));
        assertEquals("'x'", PostgresDefaults.canonical("'x'::character varying", varchar));
        assertEquals("'it''s'", PostgresDefaults.canonical("'it''s'::character varying", varchar));
        assertEquals("'5'", PostgresDefaults.canonical("'5'::text", varchar));
        assertEquals("true", PostgresDefaults.canonical("TRUE", ColumnType.parse("boolean")));
        assertEquals("CURRENT_TIMESTAMP", PostgresDefaults.canonical("current_timestamp", integer));
        assertEquals(null, PostgresDefaults.canonical("NULL", integer));
        assertEquals("0", PostgresDefaults.canonical("(0)", integer));
        assertEquals("actor_actor_id_seq",
                PostgresDefaults.nextvalSequence("nextval('actor_actor_id_seq'::regclass)"));
    }

    @Test
    void generatedNamesFitInSixtyThreeBytes() {
        assertEquals("orders_pkey", PostgresNames.generated("orders", null, "pkey"));
        String longName = "x".repeat(70);
        assertEquals("x".repeat(58) + "_pkey", PostgresNames.generated(longName, null, "pkey"));
        assertEquals("\"sales\".\"orders\"", PostgresNames.table("sales.orders"));
    }
}
