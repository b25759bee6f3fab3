package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.sql.SqlScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** psql's statement boundaries, each statement with the line it starts on. */
class PostgresScriptTest {
    private static List<String> sql(String script) {
        return PostgresScript.split(script).stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    void splitsOnSemicolonsOutsideLiteralsAndCommentsWithLineNumbers() {
        String script = "-- header; comment\n"
                + "CREATE TABLE \"a;b\" (x text DEFAULT 'it''s; fine');\n"
                + "/* a /* nested; */ comment; */\n"
                + "COMMENT ON TABLE \"a;b\" IS 'x';  SELECT 1;\n";
        List<SqlScript.Statement> statements = PostgresScript.split(script);
        assertEquals(List.of(
                new SqlScript.Statement("CREATE TABLE \"a;b\" (x text DEFAULT 'it''s; fine')", 2),
                new SqlScript.Statement("COMMENT ON TABLE \"a;b\" IS 'x'", 4),
                new SqlScript.Statement("SELECT 1", 4)), statements);
    }

    @Test
    void dollarQuotedBodiesStayWholeButDollarsInsideNamesDoNotQuote() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $$ not the end $$; $body$ LANGUAGE sql";
        String fn2 = "CREATE FUNCTION g() RETURNS int AS $$ SELECT 2; $$ LANGUAGE sql";
        assertEquals(List.of(fn, fn2, "SELECT a$b$c FROM t", "SELECT $1"),
                sql(fn + ";\n" + fn2 + ";\nSELECT a$b$c FROM t;\nSELECT $1;"));
    }

    @Test
    void backslashIsAnEscapeOnlyInEStringsOrWithStandardConformingStringsOff() {
        assertEquals(List.of("SELECT 'C:\\'", "SELECT E'it\\'s; one'", "SELECT 2"),
                sql("SELECT 'C:\\';\nSELECT E'it\\'s; one';\nSELECT 2;"));
        assertEquals(List.of("SET standard_conforming_strings = off", "SELECT 'it\\'s; one'", "SELECT 3"),
                sql("SET standard_conforming_strings = off;\nSELECT 'it\\'s; one';\nSELECT 3;"));
        assertEquals(List.of("SET standard_conforming_strings TO 'on'", "SELECT 'C:\\'", "SELECT 4"),
                sql("SET standard_conforming_strings TO 'on'; SELECT 'C:\\'; SELECT 4"));
    }

    @Test
    void semicolonsInsideParenthesesDoNotEndTheStatement() {
        assertEquals(List.of("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b "
                + "VALUES (2))", "SELECT 5"), sql("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1);"
                + " INSERT INTO b VALUES (2));\nSELECT 5"));
    }

    @Test
    void pgDumpRestrictLinesAreLeftOutButOtherMetaCommandsAreNot() {
        assertEquals(List.of("SELECT 1", "\\connect other\nSELECT 2"),
                sql("\\restrict abc123\nSELECT 1;\n\\connect other\nSELECT 2;\n\\unrestrict abc123\n"));
    }
}
