package covet.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnTypeTest {
    @Test
    void textFormRoundTrips() {
        for (String t : new String[] {"integer", "varchar(100)", "decimal(12,2)", "decimal(10)", "timestamptz",
                "native:text[]", "native:enum('a','b')"}) {
            assertEquals(t, ColumnType.parse(t).spelling());
        }
        assertEquals(LogicalType.varchar(20), ColumnType.parse(" VARCHAR( 20 ) "));
    }

    @Test
    void unknownOrMalformedTypesSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColumnType.parse("int4"));
        assertTrue(e.getMessage().contains("unknown column type 'int4'"), e.getMessage());
        assertTrue(e.getMessage().contains("native:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ColumnType.parse("varchar(x)"));
        assertThrows(IllegalArgumentException.class, () -> ColumnType.parse("integer(3)"));
        assertThrows(IllegalArgumentException.class, () -> ColumnType.parse("decimal(2,5)"));
    }
}
