package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Schema;
import covet.api.operation.AddCheck;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AlterColumn;
import covet.api.operation.DropColumn;
import covet.api.operation.Operation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table rebuild on a table with rows, an index, a parent it cascades from and a child that references it. */
class SqliteTableRebuildTest {

    @TempDir
    Path dir;

    @Test
    void dropAndAlterColumnKeepRowsIndexesAndForeignKeysBothWays() throws Exception {
        Path file = dir.resolve("rebuild.db");
        try (SqliteTestDb db = new SqliteTestDb(file)) {
            Schema original = SqliteFixtures.create(db);
            Map<String, List<Map<String, Object>>> rows = db.rows(original);
            Schema s = original;
            Operation drop = new DropColumn("item", "created", original.requireTable("item").requireColumn("created"));
            s = db.apply(s, drop);
            Operation alter = new AlterColumn("item", Column.of("title", "text").notNull().withDefault("'?'"),
                    s.requireTable("item").requireColumn("title"));
            s = db.apply(s, alter);
            assertEquals(db.dialect.normalize(s), db.introspect());
            assertEquals(rows.get("note"), db.rows("note"), "the child's rows survive DROP TABLE of its parent");
            assertEquals(rows.get("parent"), db.rows("parent"));
            List<Map<String, Object>> items = db.rows("item");
            assertEquals(5, items.size());
            for (int i = 0; i < 5; i++) {
                Map<String, Object> was = rows.get("item").get(i);
                Map<String, Object> is = items.get(i);
                assertEquals(List.of("id", "parent_id", "title", "price", "qty"), List.copyOf(is.keySet()));
                for (String c : is.keySet()) {
                    assertEquals(was.get(c), is.get(c), "item." + c);
                }
            }
            assertEquals(List.of("ix_item_cheap", "ix_item_title"), indexNames(db, "item"));
            // back again
            s = db.apply(s, alter.reverse().orElseThrow());
            s = db.apply(s, drop.reverse().orElseThrow());
            assertEquals(db.dialect.normalize(original), db.introspect());
            assertEquals(rows.get("note"), db.rows("note"));
        }
        assertForeignKeysEnforced(file);
    }

    /** With foreign keys on, the rebuilt item still cascades from parent and still guards note. */
    private void assertForeignKeysEnforced(Path file) throws SQLException {
        Properties p = new Properties();
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, p);
             Statement st = c.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            st.execute("DELETE FROM note WHERE item_id IN (SELECT id FROM item WHERE parent_id = 2)");
            st.execute("DELETE FROM parent WHERE id = 2");
            try (var rs = st.executeQuery("SELECT count(*) FROM item WHERE parent_id = 2")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "ON DELETE CASCADE from parent still fires");
            }
            SQLException e = assertThrows(SQLException.class,
                    () -> st.execute("INSERT INTO note (id, item_id) VALUES (99, 12345)"));
            assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
        }
    }

    @Test
    void failedCopyRollsBackAndLeavesNoTemporaryTable() throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("fail.db"))) {
            Schema original = SqliteFixtures.create(db);
            Map<String, List<Map<String, Object>>> rows = db.rows(original);
            Operation notNull = new AlterColumn("item", Column.of("price", "decimal(12,2)").notNull(),
                    original.requireTable("item").requireColumn("price"));
            SQLException e = assertThrows(SQLException.class, () -> db.apply(original, notNull));
            assertTrue(e.getMessage().contains("NOT NULL"), e.getMessage());
            assertEquals(db.dialect.normalize(original), db.introspect());
            assertEquals(rows, db.rows(original));
            assertEquals(0L, SqliteTestDb.count(db.scalar(
                    "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%covet_new%'")));
        }
    }

    @Test
    void foreignKeyViolationIsReportedAndRolledBack() throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("fk.db"))) {
            Schema original = SqliteFixtures.create(db);
            db.exec("UPDATE note SET author_id = 77 WHERE id = 12");
            Operation addFk = new AddForeignKey("note", ForeignKey.of("fk_note_author", "author_id", "parent", "id"));
            SQLException e = assertThrows(SQLException.class, () -> db.apply(original, addFk));
            assertTrue(e.getMessage().startsWith("sqlite: foreign key violation after migration: table note rowid 12"
                    + " references parent"), e.getMessage());
            assertEquals(db.dialect.normalize(original), db.introspect());
        }
    }

    @Test
    void autoincrementHighWaterMarkSurvivesTheRebuild() throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("seq.db"))) {
            Schema s = SqliteFixtures.create(db);
            db.exec("DELETE FROM note", "DELETE FROM item", "DELETE FROM parent WHERE id = 3");
            s = db.apply(s, new AddCheck("parent", new Check("ck_parent_code", "length(code) < 10")));
            db.exec("INSERT INTO parent (code) VALUES ('d')");
            assertEquals(4L, SqliteTestDb.count(db.scalar("SELECT id FROM parent WHERE code = 'd'")),
                    "id 3 was used once and must not come back");
            assertEquals(db.dialect.normalize(s), db.introspect());
        }
    }

    @Test
    void viewsOnTheRebuiltTableKeepWorking() throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("view.db"))) {
            Schema s = SqliteFixtures.create(db);
            db.exec("CREATE VIEW titles AS SELECT id, title FROM item");
            db.apply(s, new DropColumn("item", "created", s.requireTable("item").requireColumn("created")));
            assertEquals(5L, SqliteTestDb.count(db.scalar("SELECT count(*) FROM titles")));
            assertEquals("CREATE VIEW titles AS SELECT id, title FROM item",
                    db.scalar("SELECT sql FROM sqlite_schema WHERE name = 'titles'"));
        }
    }

    @Test
    void storedGeneratedColumnsAreReadIntoTheFieldVirtualOnesAsNativeTypesAndBothSurviveARebuild() throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("gen.db"))) {
            db.exec("CREATE TABLE g (id INTEGER PRIMARY KEY, a INTEGER NOT NULL,"
                    + " twice INTEGER AS (a * 2) STORED, label TEXT GENERATED ALWAYS AS ('#' || a) VIRTUAL)",
                    "INSERT INTO g (id, a) VALUES (1, 5), (2, 7)");
            Schema s = db.introspect();
            assertEquals("integer", s.requireTable("g").requireColumn("twice").type().spelling());
            assertEquals("a * 2", s.requireTable("g").requireColumn("twice").generated());
            assertEquals("native:TEXT GENERATED ALWAYS AS ('#' || a) VIRTUAL",
                    s.requireTable("g").requireColumn("label").type().spelling());
            // a migration written before the field was used spells the stored column in its type: the same column
            Column old = Column.of("twice", "native:INTEGER GENERATED ALWAYS AS (a * 2) STORED");
            Schema spelled = s.updateTable("g", t -> t.replaceColumn(old));
            assertEquals(db.dialect.normalize(s), db.dialect.normalize(spelled));
            s = db.apply(s, new AddCheck("g", new Check("ck_g_a", "a > 0")));
            assertEquals(db.dialect.normalize(s), db.introspect());
            assertEquals(14L, SqliteTestDb.count(db.scalar("SELECT twice FROM g WHERE id = 2")));
            assertEquals("#5", db.scalar("SELECT label FROM g WHERE id = 1"));
        }
    }

    private static List<String> indexNames(SqliteTestDb db, String table) throws SQLException {
        return db.introspect().requireTable(table).indexes().stream().map(covet.api.model.Index::name).toList();
    }
}
