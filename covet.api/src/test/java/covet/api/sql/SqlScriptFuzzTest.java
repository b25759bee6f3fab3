package covet.api.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import covet.api.CovetException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the SQL script splitter with scripts built from the characters and words it treats specially
 * (quotes, comments, dollar quotes, DELIMITER lines) and mutations of a realistic script. It must return (or throw
 * Covet's own error) for every input, never hang, and keep its contract: statements are stripped and non-empty and
 * their line numbers lie within the script, in order.
 */
class SqlScriptFuzzTest {
    static final long SEED = 0x5017_5C41L;
    static final int CASES = 20_000;

    private static final String[] PIECES = {";", ";", "'", "\"", "`", "$", "$$", "$tag$", "$a b$", "--", "-", "/*",
        "*/", "/", "*", "\n", "\n", "\r\n", " ", "\t", "\\", "''", "\"\"", "DELIMITER //\n", "DELIMITER ;\n",
        "delimiter $$\n", "DELIMITER ;;\n", "//", "BEGIN", "END", "CREATE TABLE t (a int)", "SELECT 1", "x", "é",
        "\uD83D\uDE00", "\u0000"};

    private static final String SAMPLE = """
            -- a realistic script: every construct the splitter knows
            CREATE TABLE "users" (id int, note text DEFAULT 'it''s; fine'); /* trailing ; comment */
            INSERT INTO users VALUES (1, 'a\\'b;c'), (2, "x;y");
            CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RETURN NEW; END; $body$ LANGUAGE plpgsql;
            SELECT `weird;name` FROM t;
            DELIMITER //
            CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END //
            DELIMITER ;
            SELECT $$a;b$$;
            """;

    private volatile String current = "";

    @Test
    void randomAndMutatedScriptsSplitWithinTheContract() {
        Random random = new Random(SEED);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < CASES; i++) {
                String script = i % 2 == 0 ? build(random) : mutate(SAMPLE, random);
                check(script, i);
            }
        }, () -> "split hangs on (seed " + Long.toHexString(SEED) + "): " + show(current));
    }

    @Test
    void sampleSplitsAsWritten() {
        List<SqlScript.Statement> s = SqlScript.split(SAMPLE);
        assertEquals(6, s.size(), s.toString());
        assertEquals(2, s.get(0).line());
        assertTrue(s.get(4).sql().startsWith("CREATE PROCEDURE") && s.get(4).sql().endsWith("END"), s.toString());
    }

    /** Found by the fuzzer: a DELIMITER line without a delimiter made the splitter loop forever. */
    @Test
    void delimiterLineWithoutADelimiterDoesNotHang() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String script : List.of("DELIMITER \nSELECT 1;", "DELIMITER  \t\nSELECT 1", "delimiter \n")) {
                check(script, -1);
            }
        }, () -> "split hangs on " + show(current));
    }

    private void check(String script, int index) {
        current = script;
        List<SqlScript.Statement> statements;
        try {
            statements = SqlScript.split(script);
        } catch (CovetException expected) {
            assertFalse(expected.getMessage() == null || expected.getMessage().isBlank(), "a message");
            return;
        } catch (Throwable e) {
            fail("case " + index + " (seed " + Long.toHexString(SEED) + "): " + e + " on " + show(script), e);
            return;
        }
        long lines = script.chars().filter(c -> c == '\n').count() + 1;
        int previous = 0;
        for (SqlScript.Statement s : statements) {
            String where = "case " + index + ": " + s + " from " + show(script);
            assertFalse(s.sql().isEmpty(), where);
            assertEquals(s.sql().strip(), s.sql(), where);
            assertTrue(s.line() >= 1 && s.line() <= lines && s.line() >= previous, where);
            previous = s.line();
        }
    }

    private static String build(Random random) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds && b.length() > 0; r++) {
            int at = random.nextInt(b.length());
            int len = Math.min(b.length() - at, 1 + random.nextInt(20));
            switch (random.nextInt(4)) {
                case 0 -> b.delete(at, at + len);
                case 1 -> b.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 2 -> b.replace(at, at + len, PIECES[random.nextInt(PIECES.length)]);
                default -> b.setLength(at);
            }
        }
        return b.toString();
    }

    static String show(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                b.append("\\n");
            } else if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
