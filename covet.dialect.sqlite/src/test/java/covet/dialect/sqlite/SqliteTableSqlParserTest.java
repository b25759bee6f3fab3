package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored-DDL readers on the shapes real schemas use (the sample-schema test runs them against SQLite too). */
class SqliteTableSqlParserTest {

    @Test
    void readsNamesChecksForeignKeysAndAutoincrement() {
        SqliteTableSql t = SqliteTableSqlParser.parse("""
                CREATE TABLE "a ""b" ( -- a comment, with a comma
                  id INTEGER CONSTRAINT pk_a PRIMARY KEY ASC AUTOINCREMENT,
                  [code] TEXT NOT NULL DEFAULT ('x,y') UNIQUE CHECK (code <> ')'),
                  ref INT CONSTRAINT fk_ref REFERENCES other (id) ON DELETE SET NULL NOT DEFERRABLE NOT NULL,
                  `g` INT AS (id + 1),
                  /* block */ CONSTRAINT ck_pair CHECK (id > 0 AND (ref IS NULL OR ref > 0)),
                  UNIQUE (code, ref),
                  FOREIGN KEY (code) REFERENCES other
                )""");
        assertEquals("pk_a", t.primaryKeyName());
        assertEquals("id", t.autoIncrementColumn());
        assertEquals(List.of(new SqliteTableSql.Unique(null, List.of("code")),
                new SqliteTableSql.Unique(null, List.of("code", "ref"))), t.uniques());
        assertEquals(List.of(new SqliteTableSql.Check(null, "code", "code <> ')'"),
                new SqliteTableSql.Check("ck_pair", null, "id > 0 AND (ref IS NULL OR ref > 0)")), t.checks());
        assertEquals(List.of(new SqliteTableSql.ForeignKey("fk_ref", List.of("ref"), "other", false, false),
                new SqliteTableSql.ForeignKey(null, List.of("code"), "other", false, false)), t.foreignKeys());
        assertEquals("GENERATED ALWAYS AS (id + 1) VIRTUAL", t.generated().get("g"));
    }

    @Test
    void readsCollationsAndWhenForeignKeysAreChecked() {
        SqliteTableSql t = SqliteTableSqlParser.parse("""
                CREATE TABLE t (
                  email TEXT COLLATE nocase NOT NULL,
                  code TEXT NOT NULL COLLATE "my coll" UNIQUE,
                  a INT REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED,
                  b INT REFERENCES p (id) NOT DEFERRABLE INITIALLY DEFERRED,
                  c INT,
                  CONSTRAINT fk_c FOREIGN KEY (c) REFERENCES p (id) ON DELETE CASCADE DEFERRABLE
                )""");
        assertEquals(java.util.Map.of("email", "nocase", "code", "my coll"), t.collations());
        assertEquals(List.of(new SqliteTableSql.ForeignKey(null, List.of("a"), "p", true, true),
                new SqliteTableSql.ForeignKey(null, List.of("b"), "p", false, false),
                new SqliteTableSql.ForeignKey("fk_c", List.of("c"), "p", true, false)), t.foreignKeys());
    }

    @Test
    void autoincrementBelongsOnlyToItsOwnPrimaryKey() {
        SqliteTableSql t = SqliteTableSqlParser.parse("CREATE TABLE t (id INTEGER PRIMARY KEY, n TEXT DEFAULT 'AUTOINCREMENT')");
        assertNull(t.autoIncrementColumn());
    }

    @Test
    void readsIndexExpressionsAndWhere() {
        SqliteIndexSqlParser.IndexSql i = SqliteIndexSqlParser.parse(
                "CREATE UNIQUE INDEX ix ON t (lower(a) COLLATE NOCASE DESC, \"b\", (a + b) ASC) WHERE a > 0 AND b < 1");
        assertEquals(List.of("lower(a)", "\"b\"", "(a + b)"), i.keyParts());
        assertEquals("a > 0 AND b < 1", i.where());
    }
}
