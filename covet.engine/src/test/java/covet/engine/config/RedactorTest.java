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
}
