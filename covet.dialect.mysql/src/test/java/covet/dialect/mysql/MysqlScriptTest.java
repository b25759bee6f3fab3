package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.sql.SqlScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mysql client's statement boundaries, each statement with the line it starts on. */
class MysqlScriptTest {
    private static List<String> sql(String script) {
        return MysqlScript.split(script).stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    void delimiterWithoutAValueIsAnErrorNamingTheLine() {
        covet.api.CovetException e = org.junit.jupiter.api.Assertions.assertThrows(covet.api.CovetException.class,
                () -> MysqlScript.split("SELECT 1;\nDELIMITER \nSELECT 2;"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void splitsOutsideQuotesAndCommentsWithLineNumbers() {
        String script = "-- a; comment\nCREATE TABLE a (x varchar(5) DEFAULT ';''');\n"
                + "/* b; */ INSERT INTO a VALUES ('a\\';b', \"q\\\";\"); # c; don't\n"
                + "DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; END$$\n"
                + "delimiter ;\nSELECT `;``x`";
        assertEquals(List.of(
                new SqlScript.Statement("CREATE TABLE a (x varchar(5) DEFAULT ';''')", 2),
                new SqlScript.Statement("INSERT INTO a VALUES ('a\\';b', \"q\\\";\")", 3),
                new SqlScript.Statement("CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = 1; END", 5),
                new SqlScript.Statement("SELECT `;``x`", 7)), MysqlScript.split(script));
    }

    @Test
    void executableCommentsAndHintsAreKeptPlainCommentsAreNot() {
        assertEquals(List.of("/*!40101 SET NAMES utf8mb4 */", "SELECT /*+ MAX_EXECUTION_TIME(1) */ 1",
                "SELECT 1  + 2", "SELECT 1"), sql("/*!40101 SET NAMES utf8mb4 */;\n"
                + "SELECT /*+ MAX_EXECUTION_TIME(1) */ 1;\nSELECT 1 /* one; */ + 2;\nSELECT/*x*/1;"));
        // the mariadb client leaves nothing for a comment (a routine body stored by it keeps its blanks only)
    }

    @Test
    void doubleDashWithoutABlankIsMinusMinusAndDollarIsANameCharacter() {
        assertEquals(List.of("SELECT 1--1", "SELECT a$b$ FROM t$", "SELECT 2"),
                sql("SELECT 1--1;\nSELECT a$b$ FROM t$;\nSELECT 2 -- two; still a comment\n;"));
    }
}
