package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, no secret ever printed: URLs whose passwords a pattern used to miss (Connector/J's password1..3, a
 * PostgreSQL URL without {@code /} after the port that pgjdbc echoes in its own log line, spaces, {@code @},
 * {@code &} and %-encoded characters, the {@code user:pw@} form, a URL the driver cannot even parse) are refused
 * with exit 1, and neither standard output (the {@code --json} document) nor standard error holds any spelling of
 * the password. Against the two real servers, with accounts that do not exist (the servers refuse them).
 */
class ReliabilitySecretsTest {
    @TempDir
    Path tmp;

    /** A marker no output could contain by chance; put after the special characters so a partial mask shows. */
    private static String marker() {
        return "Mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private void assertNeverPrinted(String url, List<String> secrets) {
        Cli.Result r = Cli.run(tmp, java.util.Map.of(), "showmigrations", "--json", "--url", url);
        assertEquals(1, r.exitCode(), url + "\n" + r);
        assertTrue(r.err().contains("error:"), "the refusal is reported\n" + r);
        for (String secret : secrets) {
            assertFalse(r.out().contains(secret), "stdout holds " + secret + "\n" + r);
            assertFalse(r.err().contains(secret), "stderr holds " + secret + "\n" + r);
        }
    }

    @Test
    void postgresPasswordsInEveryShapeAreMasked() {
        String user = "covet_nosuch_" + marker().toLowerCase();
        String m1 = marker();
        assertNeverPrinted("jdbc:postgresql://127.0.0.1:5432?user=" + user + "&password=Ab%40" + m1,
                List.of(m1, "Ab%40" + m1, "Ab@" + m1));
        String m2 = marker();
        assertNeverPrinted("jdbc:postgresql://127.0.0.1:5432/postgres?user=" + user + "&password=a%26b%20c%40" + m2,
                List.of(m2, "a&b c@" + m2));
        String m3 = marker();
        assertNeverPrinted("jdbc:postgresql://127.0.0.1:5432/postgres?user=" + user + "&password=sp ace@" + m3,
                List.of(m3, "sp ace@" + m3));
    }

    @Test
    void mariaDbPasswordsInEveryShapeAreMasked() {
        String user = "covet_nosuch_" + marker().toLowerCase().substring(0, 8);
        String m1 = marker();
        String m2 = marker();
        String m3 = marker();
        String m4 = marker();
        assertNeverPrinted("jdbc:mysql://127.0.0.1:3306/mysql?user=" + user + "&password1=" + m1 + "&password2=" + m2
                + "&password3=" + m3 + "&password=" + m4, List.of(m1, m2, m3, m4));
        String m5 = marker();
        assertNeverPrinted("jdbc:mysql://" + user + ":p%40w%26x%20" + m5 + "@127.0.0.1:3306/mysql",
                List.of(m5, "p@w&x " + m5));
        String m6 = marker();
        // not a URL Connector/J can parse: its own error message quotes the authority
        assertNeverPrinted("jdbc:mysql://" + user + ":p@w " + m6 + "@127.0.0.1:3306/mysql", List.of(m6));
        String m7 = marker();
        assertNeverPrinted("jdbc:mysql://127.0.0.1:3306/mysql?user=" + user + "&password=with space" + m7,
                List.of(m7));
    }
}
