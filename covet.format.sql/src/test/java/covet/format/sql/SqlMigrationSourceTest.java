package covet.format.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.MalformedMigrationException;
import covet.api.migration.Migration;
import covet.api.operation.RunSQL;
import covet.api.spi.MigrationFile;
import covet.api.sql.SqlScript;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlMigrationSourceTest {
    private final SqlMigrationSource source = new SqlMigrationSource();

    private static MigrationFile file(String name, String text) {
        return new MigrationFile("migrations/" + name, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Migration> read(MigrationFile... files) {
        return source.readAll(List.of(files), SqlScript::split);
    }

    @Test
    void versionsAreOrderedAsNumbersAndEachDependsOnThePreviousOne() {
        List<Migration> ms = read(file("V1.10__c.sql", "select 3;"), file("V1.9__b.sql", "select 2;"),
                file("V1__a.sql", "select 1;"), file("V2_1__d.sql", "select 4;"));
        assertEquals(List.of("V1__a", "V1.9__b", "V1.10__c", "V2_1__d"), ms.stream().map(Migration::id).toList());
        assertEquals(List.of(), ms.get(0).dependencies());
        assertEquals(List.of("V1.9__b"), ms.get(2).dependencies());
        assertEquals(List.of("V1.10__c"), ms.get(3).dependencies());
    }

    @Test
    void undoFileIsTheReverseRunOnceAfterTheOtherStatementsAreUndone() {
        Migration m = read(file("V1__t.sql", "create table t(a int);\ncreate index i on t(a);"),
                file("U1__t.sql", "drop index i; drop table t;")).get(0);
        assertEquals(2, m.operations().size());
        assertEquals(List.of("drop index i", "drop table t"), ((RunSQL) m.operations().get(0)).reverseSql());
        assertEquals(List.of(), ((RunSQL) m.operations().get(1)).reverseSql());
        Migration noUndo = read(file("V1__t.sql", "create table t(a int);")).get(0);
        assertNull(((RunSQL) noUndo.operations().get(0)).reverseSql());
    }

    @Test
    void upDownPairsAreOneMigrationOrderedByTheirNumber() {
        List<Migration> ms = read(file("10_b.up.sql", "select 2;"), file("10_b.down.sql", "select -2;"),
                file("9_a.up.sql", "select 1;"));
        assertEquals(List.of("9_a", "10_b"), ms.stream().map(Migration::id).toList());
        assertEquals(List.of("9_a"), ms.get(1).dependencies());
        assertEquals(List.of("select -2"), ((RunSQL) ms.get(1).operations().get(0)).reverseSql());
    }

    @Test
    void repeatablesAndDeclaredDependencies() {
        List<Migration> ms = read(file("R__views.sql", "create view v as select 1;"),
                file("V1__a.sql", "-- covet:depends-on 20240101_000000_init, other\nselect 1;"));
        Migration v1 = ms.stream().filter(m -> m.id().equals("V1__a")).findFirst().orElseThrow();
        assertEquals(List.of("20240101_000000_init", "other"), v1.dependencies());
        assertTrue(ms.stream().anyMatch(m -> m.id().equals("R__views") && m.dependencies().isEmpty()));
    }

    @Test
    void reformattingKeepsTheStatementsAndSoTheChecksum() {
        String plain = "CREATE TABLE t (a INT, b VARCHAR(10) DEFAULT 'x  y'); INSERT INTO t VALUES (1, 'a -- b');";
        String reformatted = "-- the table\nCREATE TABLE t (\n    a INT,   -- first\n    b VARCHAR(10)"
                + " DEFAULT 'x  y'\n);\n\n/* seed */\nINSERT INTO t\n  VALUES ( 1 , 'a -- b' );\n";
        assertEquals(ops(plain), ops(reformatted));
        assertEquals(List.of("CREATE TABLE t (a INT,b VARCHAR(10) DEFAULT 'x  y')",
                "INSERT INTO t VALUES (1,'a -- b')"), ops(plain));
    }

    @Test
    void meaningfulTextIsKept() {
        assertEquals("SELECT /*+ INDEX(t i) */ 1", StatementText.normalize("SELECT  /*+ INDEX(t i) */\n 1"));
        assertEquals("CREATE FUNCTION f() RETURNS int AS $$\n  select   1 -- x\n$$ LANGUAGE sql",
                StatementText.normalize("CREATE FUNCTION f() RETURNS int AS $$\n  select   1 -- x\n$$ LANGUAGE sql"));
        assertEquals("SELECT \"a  b\"", StatementText.normalize("SELECT   \"a  b\""));
    }

    private List<String> ops(String text) {
        List<String> out = new ArrayList<>();
        read(file("V1__x.sql", text)).get(0).operations().forEach(op -> out.addAll(((RunSQL) op).sql()));
        return out;
    }

    @Test
    void malformedFilesNameThemselvesAndTheProblem() {
        var e = assertThrows(MalformedMigrationException.class, () -> read(file("schema.sql", "select 1;")));
        assertTrue(e.getMessage().contains("migrations/schema.sql") && e.getMessage().contains("V<version>"),
                e.getMessage());
        e = assertThrows(MalformedMigrationException.class, () -> read(file("U3__x.sql", "select 1;")));
        assertTrue(e.getMessage().contains("U3__x.sql") && e.getMessage().contains("no V3__"), e.getMessage());
        e = assertThrows(MalformedMigrationException.class, () -> read(file("V1__a.sql", "select 1;"),
                file("V1.0__b.sql", "select 2;")));
        assertTrue(e.getMessage().contains("V1__a.sql"), e.getMessage());
        e = assertThrows(MalformedMigrationException.class, () -> read(file("3_x.down.sql", "select 1;")));
        assertTrue(e.getMessage().contains("no 3_x.up.sql"), e.getMessage());
    }

    @Test
    void writerWritesAPairTheSourceReadsBackEqual() {
        Migration m = read(file("20240101_000000_a.up.sql", "-- covet:depends-on V1__a\ncreate table t(a int);"
                + " create index i on t (a);"), file("20240101_000000_a.down.sql", "drop index i; drop table t;"))
                .get(0);
        var files = new SqlMigrationWriter().files(m);
        assertEquals(List.of("20240101_000000_a.up.sql", "20240101_000000_a.down.sql"), List.copyOf(files.keySet()));
        List<MigrationFile> back = new ArrayList<>();
        files.forEach((name, text) -> back.add(file(name, text)));
        Migration again = source.readAll(back, SqlScript::split).get(0);
        assertEquals(m.operations().get(0), again.operations().get(0));
        assertEquals(m.dependencies(), again.dependencies());
    }
}
