package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Routine;
import covet.api.model.Trigger;
import org.junit.jupiter.api.Test;

/** Bodies kept as typed compare without regard to case, blanks and comments, but not strings or names. */
class MysqlBodiesTest {
    private final MysqlDialect dialect = new MysqlDialect();

    @Test
    void caseBlanksAndCommentsDoNotMakeAChange() {
        Trigger a = trigger("CREATE TRIGGER `t` BEFORE INSERT ON `a` FOR EACH ROW BEGIN\n  SET NEW.x = lower(NEW.y);\nEND");
        Trigger b = trigger("CREATE TRIGGER `t` BEFORE INSERT ON `a` FOR EACH ROW begin -- lower-cased\n"
                + "  set new.x=LOWER( new.y ); /* the slug */\nend");
        assertTrue(dialect.sameObject(a, b));
    }

    @Test
    void stringsNamesWordsAndCommentsOfTheObjectStillCount() {
        Trigger a = trigger("CREATE TRIGGER `t` BEFORE INSERT ON `a` FOR EACH ROW SET NEW.x = 'A b'");
        assertFalse(dialect.sameObject(a, trigger(a.definition().replace("'A b'", "'a b'"))));
        assertFalse(dialect.sameObject(a, trigger(a.definition().replace("'A b'", "'A  b'"))));
        assertFalse(dialect.sameObject(a, trigger(a.definition().replace("`a`", "`A`"))));
        assertFalse(dialect.sameObject(a, trigger(a.definition().replace("NEW.x", "NEW.xy"))));
        Routine f = new Routine("f", false, "CREATE FUNCTION `f`() RETURNS int\nRETURN 1", null, null);
        assertTrue(dialect.sameObject(f, new Routine("f", false, "CREATE FUNCTION `f`() RETURNS INT RETURN 1", null,
                null)));
        assertFalse(dialect.sameObject(f, f.withComment("why")));
        assertFalse(dialect.sameObject(f, new Routine("f", false, "CREATE FUNCTION `f`() RETURNS int RETURN 12",
                null, null)));
    }

    private static Trigger trigger(String definition) {
        return new Trigger("a", "t", definition, null, null);
    }
}
