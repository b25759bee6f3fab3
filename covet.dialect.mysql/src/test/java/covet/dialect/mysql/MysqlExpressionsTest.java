package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Check predicates as MariaDB and MySQL 8 store them, and as users write them, spelled alike. */
class MysqlExpressionsTest {

    private static String check(String sql) {
        String once = MysqlNormalizer.checkExpression(sql);
        assertEquals(once, MysqlNormalizer.checkExpression(once), "idempotent on " + sql);
        return once;
    }

    @Test
    void plainNamesLoseTheirQuotes() {
        assertEquals("rating >= 0", check("`rating` >= 0"));
        assertEquals("rating >= 0", check("(`rating` >= 0)"));
        assertEquals("a_1$ > b", check("`a_1$` > `b`"));
        assertEquals("char_length(name) > 0", check("char_length(`name`) > 0"));
    }

    @Test
    void namesThatNeedQuotesKeepThem() {
        assertEquals("`order` > 0", check("`order` > 0"));
        assertEquals("`weird name` > 0", check("`weird name` > 0"));
        assertEquals("`1st` > 0", check("`1st` > 0"));
        assertEquals("`a``b` > 0", check("`a``b` > 0"));
    }

    @Test
    void textIntroducersGoAndStringsStay() {
        assertEquals("status in ('a','b')", check("(`status` in (_utf8mb4'a',_utf8mb4'b'))"));
        assertEquals("note <> '`x` _utf8mb4''y'", check("`note` <> '`x` _utf8mb4''y'"));
        assertEquals("note <> 'it\\'s `n`'", check("`note` <> 'it\\'s `n`'"));
        assertEquals("b = _binary'x'", check("`b` = _binary'x'"));
        assertEquals("my_utf8 = 'x'", check("`my_utf8` = 'x'"));
    }

    @Test
    void theJsonCheckIsStillRecognised() {
        assertTrue(MysqlNormalizer.isJsonValidCheck(new Check("data", "json_valid(`data`)"), Set.of("data")));
        assertTrue(MysqlNormalizer.isJsonValidCheck(new Check("data", "json_valid(data)"), Set.of("data")));
    }
}
