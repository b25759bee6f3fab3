package covet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorReporterTest {
    @Test
    void aPrefixIsNotRepeated() {
        assertEquals("postgresql: no JDBC driver accepts x",
                ErrorReporter.withoutRepeatedPrefix("postgresql: postgresql: no JDBC driver accepts x"));
        assertEquals("cannot connect: mysql: lost the lock",
                ErrorReporter.withoutRepeatedPrefix("cannot connect: mysql: mysql: mysql: lost the lock"));
        assertEquals("a: b: c", ErrorReporter.withoutRepeatedPrefix("a: b: c"));
        assertEquals("xmysql: mysql: y", ErrorReporter.withoutRepeatedPrefix("xmysql: mysql: y"));
    }
}
