package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.Table;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canonical spelling of predicates and index expressions, as the server deparses them and as users write. */
class PostgresExpressionsTest {
    private static final Set<String> STRINGS = Set.of("name", "status", "Label");

    private static String canonical(String sql) {
        String once = PostgresExpressions.canonical(sql, STRINGS);
        assertEquals(once, PostgresExpressions.canonical(once, STRINGS), "idempotent on " + sql);
        return once;
    }

    @Test
    void numbersComparedLoseTheirCast() {
        assertEquals("weight > 0", canonical("weight > 0::numeric"));
        assertEquals("weight > 0", canonical("(weight > 0::numeric)"));
        assertEquals("weight > 1.5", canonical("weight > 1.5::numeric"));
        assertEquals("rating > -1", canonical("(rating > '-1'::integer)"));
        assertEquals("0 < weight", canonical("0::numeric < weight"));
        assertEquals("weight >= 0 AND weight <= 100", canonical("((weight >= 0::numeric) AND (weight <= 100::numeric))"));
        assertEquals("weight BETWEEN 0 AND 10", canonical("weight BETWEEN 0::numeric AND 10::numeric"));
    }

    @Test
    void conditionsLoseTheServersParentheses() {
        assertEquals("a > 0 AND b < 1 OR c IS NOT NULL", canonical("(((a > 0) AND (b < 1)) OR (c IS NOT NULL))"));
        assertEquals("NOT a AND b", canonical("((NOT a) AND b)"));
        assertEquals("(a OR b) AND c", canonical("((a OR b) AND c)"));
        assertEquals("a OR b OR c AND d", canonical("((a OR b) OR (c AND d))"));
        assertEquals("((a + 1) * 2) > 0 AND f(x)", canonical("(((a + 1) * 2) > 0) AND f((x))"));
        assertEquals("f((a, b)) AND x IN (1, 2)", canonical("f((a, b)) AND (x IN (1, 2))"));
    }

    @Test
    void castsThatChangeTheMeaningStay() {
        assertEquals("rating / 2::numeric > 1", canonical("rating / 2::numeric > 1"));
        assertEquals("round(2::numeric) > x", canonical("round(2::numeric) > x"));
        assertEquals("x > 1.5::integer", canonical("x > 1.5::integer"));
        assertEquals("created::text LIKE '2020%'", canonical("created::text LIKE '2020%'"));
        assertEquals("weight > 0::numeric(5,2)", canonical("weight > 0::numeric(5,2)"));
        assertEquals("tags = '{a}'::text[]", canonical("tags = '{a}'::text[]"));
    }

    @Test
    void stringColumnsAndLiteralsLoseTheirTextCast() {
        assertEquals("lower(name)", canonical("lower(name::text)"));
        assertEquals("lower(name)", canonical("lower((name)::text)"));
        assertEquals("status = 'a'", canonical("((status)::text = 'a'::text)"));
        assertEquals("status = 'it''s'", canonical("status::text = 'it''s'::character varying"));
        assertEquals("\"Label\" <> ''", canonical("(\"Label\")::text <> ''::text"));
        assertEquals("char_length(name) > 0", canonical("char_length((name)::text) > 0"));
    }

    @Test
    void stringContentIsNeverTouched() {
        assertEquals("note = 'a 0::numeric (name)::text'", canonical("note = 'a 0::numeric (name)::text'"));
        assertEquals("note = 'x'", canonical("note = 'x'::text"));
    }

    @Test
    void theNormaliserAndTheIntrospectorMeet() {
        Table wanted = new Table("tag", List.of(Column.of("id", ColumnType.parse("integer")).notNull(),
                Column.of("name", ColumnType.parse("varchar(40)")),
                Column.of("weight", ColumnType.parse("decimal(5,2)"))), PrimaryKey.of("id"), null,
                List.of(new Index("tag_lower_ix", List.of(IndexColumn.expression("lower(name)")), false,
                        "weight > 0")), null, List.of(new Check("tag_weight_ck", "weight > 0")), null);
        Table live = new Table("tag", wanted.columns(), new PrimaryKey("tag_pkey", List.of("id")), null,
                List.of(new Index("tag_lower_ix", List.of(IndexColumn.expression("lower((name)::text)")), false,
                        "(weight > 0::numeric)")), null, List.of(new Check("tag_weight_ck", "(weight > 0::numeric)")),
                null);
        assertEquals(PostgresNormalizer.table(wanted), PostgresNormalizer.table(live));
    }
}
