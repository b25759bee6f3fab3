package covet.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import covet.api.operation.AlterTable;
import covet.api.operation.CreateObject;
import covet.api.operation.DropColumn;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Views, triggers, virtual tables, table options and unnamed constraints on a real SQLite file. */
class SqliteObjectsTest {
    @TempDir
    Path dir;

    private static final String[] SCHEMA = {
        "CREATE TABLE owner (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
        "CREATE TABLE item (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owner (id),"
                + " qty INTEGER CHECK (qty >= 0), CHECK (id > 0)) STRICT",
        "CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID",
        "CREATE VIEW \"owned\" AS SELECT [item].id, owner.name FROM `item` JOIN owner ON owner.id = item.owner_id",
        "CREATE TRIGGER item_ai AFTER INSERT ON item BEGIN UPDATE item SET qty = 0 WHERE id = new.id; END",
        "CREATE VIRTUAL TABLE doc USING fts5(body)",
    };

    @Test
    void objectsAndOptionsAreReadAndShadowTablesAreNot() throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("o.db"))) {
            db.exec(SCHEMA);
            Schema s = db.introspect();
            assertEquals(List.of("item", "kv", "owner"), s.tables().stream().map(Table::name).sorted().toList(),
                    "fts5's shadow tables (doc_data, doc_idx, ...) are not tables");
            assertEquals(Map.of("strict", "true"), s.requireTable("item").options());
            assertEquals(Map.of("without_rowid", "true"), s.requireTable("kv").options());
            assertEquals(List.of(
                    new VirtualTable("doc", "CREATE VIRTUAL TABLE doc USING fts5(body)", null, List.of()),
                    new View("owned", "SELECT item.id, owner.name FROM item JOIN owner ON owner.id = item.owner_id",
                            null, List.of("table:item", "table:owner")),
                    new Trigger("item", "item_ai", "CREATE TRIGGER item_ai AFTER INSERT ON item BEGIN UPDATE item"
                            + " SET qty = 0 WHERE id = new.id; END", null, List.of("table:item"))),
                    s.objects());
            assertEquals(List.of(), db.dialect.introspector().unmanaged(db.connection));
        }
    }

    @Test
    void unnamedConstraintsStayUnnamedThroughRebuildsAndRenames() throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("u.db"))) {
            db.exec(SCHEMA);
            Schema model = db.introspect();
            Schema after = db.apply(model, new AlterTable("item", null, Map.of(), null, Map.of("strict", "true")));
            assertEquals(db.dialect.normalize(after), db.introspect(), "a rebuild that drops STRICT");
            String sql = (String) db.scalar("SELECT sql FROM sqlite_schema WHERE name = 'item'");
            assertTrue(!sql.contains("CONSTRAINT") && sql.contains("CHECK (\"qty\" >= 0)") || sql.contains(
                    "CHECK (qty >= 0)"), "unnamed checks and foreign key written unnamed: " + sql);
            assertEquals(1L, SqliteTestDb.count(db.scalar(
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'item'")),
                    "the rebuild re-created the trigger");

            // SQLite rewrites expressions and trigger bodies on a rename, which the model does not: names are compared
            after = db.apply(after, new RenameColumn("item", "qty", "quantity"));
            assertEquals(constraintNames(after), constraintNames(db.introspect()),
                    "the derived check name survives the rename");
            after = db.apply(after, new RenameTable("owner", "person"));
            assertEquals(constraintNames(after), constraintNames(db.introspect()),
                    "the derived unique name survives the rename");
            assertEquals(List.of("uq_owner_name"), constraintNames(after).get("person"));
        }
    }

    private static Map<String, List<String>> constraintNames(Schema s) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (Table t : s.tables()) {
            List<String> names = new java.util.ArrayList<>();
            t.uniques().forEach(u -> names.add(u.name()));
            t.foreignKeys().forEach(f -> names.add(f.name()));
            t.checks().forEach(c -> names.add(c.name()));
            out.put(t.name(), names);
        }
        return out;
    }

    @Test
    void aRebuildThatWouldBreakAViewIsRefusedBeforeRunning() throws Exception {
        try (SqliteTestDb db = new SqliteTestDb(dir.resolve("r.db"))) {
            db.exec(SCHEMA);
            Schema model = db.introspect();
            String message = assertThrows(SqliteUnsupportedException.class, () -> db.dialect.render(
                    new DropColumn("owner", "name", model.requireTable("owner").requireColumn("name")),
                    () -> model)).getMessage();
            assertTrue(message.contains("view owned names it"), message);
            // a view a user wrote in a schema file, without dependsOn: its text says what it reads
            Schema written = model.withObjects(List.of(new View("names", "SELECT name FROM owner", null, null)));
            message = assertThrows(SqliteUnsupportedException.class, () -> db.dialect.render(
                    new DropColumn("owner", "name", model.requireTable("owner").requireColumn("name")),
                    () -> written)).getMessage();
            assertTrue(message.contains("view names names it"), message);
        }
    }

    @Test
    void objectTextIsComparedWithoutCommentsSpacingKeywordCaseOrNeedlessQuotes() {
        java.util.Set<String> names = java.util.Set.of("a", "t", "x", "select");
        assertEquals(SqliteObjectText.canonical("select  \"a\", [b] /* c */ from `t`  where x = 'It''s'", names),
                SqliteObjectText.canonical("SELECT a, b FROM t\n-- note\nWHERE x = 'It''s'", names));
        assertEquals("SELECT \"select\", \"two words\" FROM t",
                SqliteObjectText.canonical("SELECT \"select\", \"two words\" FROM \"t\"", names));
        // a double-quoted word that names nothing is a string literal to SQLite: it keeps its quotes
        assertEquals("SELECT a FROM t WHERE x = \"none\"",
                SqliteObjectText.canonical("SELECT a FROM t WHERE x = \"none\"", names));
        assertEquals(List.of("CREATE VIEW \"v\" AS SELECT 1"),
                new SqliteDialect().render(new CreateObject(new View("v", "SELECT 1", null, null)), () -> Schema.EMPTY));
    }
}
