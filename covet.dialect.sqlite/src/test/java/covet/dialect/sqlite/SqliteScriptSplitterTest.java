package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.sql.SqlScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement ends as SQLite's shell finds them (sqlite3_complete): trigger bodies, CASE ... END, quotes, comments. */
class SqliteScriptSplitterTest {
    private static List<String> split(String script) {
        return SqliteScriptSplitter.split(script).stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    void aTriggerBodyEndsAtEndSemicolonNotAtItsInnerOnes() {
        String trigger = """
                CREATE TRIGGER t_ai AFTER INSERT ON t FOR EACH ROW WHEN new.a > 0
                BEGIN
                    UPDATE t SET b = CASE WHEN new.a > 1 THEN 'big' ELSE 'small' END WHERE rowid = new.rowid;
                    INSERT INTO log VALUES (CASE new.a WHEN 1 THEN 'one' END);
                END""";
        assertEquals(List.of("CREATE TABLE t (a, b)", trigger, "SELECT 1"),
                split("CREATE TABLE t (a, b);\n" + trigger + ";\nSELECT 1;"));
        assertEquals(List.of("CREATE TEMP TRIGGER x BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no'); END"),
                split("CREATE TEMP TRIGGER x BEFORE DELETE ON t BEGIN SELECT RAISE(ABORT, 'no'); END;"));
    }

    @Test
    void semicolonsInQuotesAndCommentsDoNotEndAStatement() {
        assertEquals(List.of("SELECT 'a;b', \"c;d\", `e;f`, [g;h] /* i; */ FROM t -- j;\nWHERE 1",
                        "SELECT 'it''s; fine'"),
                split("-- a leading comment;\nSELECT 'a;b', \"c;d\", `e;f`, [g;h] /* i; */ FROM t -- j;\nWHERE 1;\n"
                        + "/* between; */ SELECT 'it''s; fine';;"));
    }

    @Test
    void endAndCaseOutsideTriggersAreOrdinaryWords() {
        assertEquals(List.of("CREATE TABLE \"end\" (\"case\" TEXT, end_date TEXT)",
                        "SELECT CASE WHEN 1 THEN 2 END", "CREATE VIEW v AS SELECT 1"),
                split("CREATE TABLE \"end\" (\"case\" TEXT, end_date TEXT); SELECT CASE WHEN 1 THEN 2 END;\n"
                        + "CREATE VIEW v AS SELECT 1"));
    }

    @Test
    void eachStatementKeepsTheLineItStartsOn() {
        List<SqlScript.Statement> statements = SqliteScriptSplitter.split(
                "-- header\n\nCREATE TABLE a (x);\n/* two\nlines */\nCREATE TRIGGER a_ai AFTER INSERT ON a\nBEGIN\n"
                        + "  SELECT 1;\nEND;\nSELECT 2;");
        assertEquals(List.of(3, 6, 10), statements.stream().map(SqlScript.Statement::line).toList());
    }
}
