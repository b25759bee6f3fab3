package covet.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksUrlPasswordsInEveryShape() {
        assertEquals("jdbc:postgresql://h/db?user=u&password=****&ssl=false",
                Redactor.redactUrl("jdbc:postgresql://h/db?user=u&password=hunter2&ssl=false"));
        assertEquals("jdbc:mysql://u:****@h:3306/db", Redactor.redactUrl("jdbc:mysql://u:hunter2@h:3306/db"));
    }

    @Test
    void masksAKnownPasswordAnywhereInText() {
        String out = Redactor.redact("FATAL: password authentication failed (tried hunter2)", "hunter2");
        assertFalse(out.contains("hunter2"), out);
    }

    @Test
    void masksEveryPasswordPropertyAndTheWholeUserinfo() {
        assertEquals("jdbc:mysql://h/db?password1=****&password2=****&sslpassword=****",
                Redactor.redactUrl("jdbc:mysql://h/db?password1=a&password2=b&sslpassword=c"));
        assertEquals("jdbc:mysql://u:****@h:3306/db", Redactor.redactUrl("jdbc:mysql://u:p@ss@h:3306/db"));
    }

    @Test
    void aRememberedUrlIsMaskedInEverySpelling() {
        String url = "jdbc:mysql://u:pa ss@word9x@h/db?password1=Zz%26q%40";
        Redactor.rememberUrl(url, java.util.List.of("Zz&q@"));
        String out = Redactor.redact("failed to parse 'u:pa ss@word9x@h' with Zz&q@ and Zz%26q%40 and Zz%26q%40", null);
        assertFalse(out.contains("word9x") || out.contains("Zz"), out);
    }
}
