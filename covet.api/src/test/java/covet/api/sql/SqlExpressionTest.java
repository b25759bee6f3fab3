package covet.api.sql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlExpressionTest {
    @Test
    void oneExpressionPasses() {
        for (String ok : new String[] {null, "", "price > 0", "(a > 0) AND (b < 1)", "status IN ('a;b', 'c--d')",
                "note <> 'it''s'", "\"weird)name\" IS NOT NULL", "lower(`x;y`) = 'z'", "a /* why */ > 0",
                "CURRENT_TIMESTAMP", "'\\n'", "data #> '{a}' IS NOT NULL"}) {
            assertTrue(SqlExpression.problem(ok).isEmpty(), ok + ": " + SqlExpression.problem(ok));
        }
    }

    @Test
    void smuggledStatementsAreRefused() {
        for (String bad : new String[] {"price > 0); DROP TABLE victim; --", "1; DROP TABLE victim",
                "x > 0) OR (1 = 1", "x > 0 -- hide the rest", "x > 0 /* hide the rest", "(x > 0",
                "'unclosed", "x = 'a\\'; DROP TABLE victim; --'", "x /*!50000 , DROP */ > 0", "\"open"}) {
            assertTrue(SqlExpression.problem(bad).isPresent(), bad);
        }
    }
}
