package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsOutsideQuotesAndComments() {
        String script = "-- a; comment\nCREATE TABLE a (x varchar(5) DEFAULT ';''');\n"
                + "/* b; */ INSERT INTO a VALUES ('a\\';b'); # c;\n"
                + "DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; END$$\n"
                + "DELIMITER ;\nSELECT `;`";
        assertEquals(List.of("CREATE TABLE a (x varchar(5) DEFAULT ';''')", "INSERT INTO a VALUES ('a\\';b')",
                "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; END", "SELECT `;`"),
                SqlScript.split(script));
    }
}
