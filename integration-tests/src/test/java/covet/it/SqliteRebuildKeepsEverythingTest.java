package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.operation.AlterColumn;
import covet.api.operation.DropColumn;
import covet.api.operation.Operation;
import covet.engine.Covet;
import covet.engine.questioner.Questioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: an AlterColumn and a DropColumn on a STRICT table that has a trigger, a view over it, an unnamed
 * foreign key, a collation, a check and rows are table rebuilds that keep all of it. The schema is judged by the
 * sqlite3 shell's {@code .schema} against the wanted file loaded by the shell, the rows by their content; rollback
 * gives the original schema back.
 */
class SqliteRebuildKeepsEverythingTest {
    static final String ORIGINAL = """
            CREATE TABLE owner (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
            CREATE TABLE item (
                id INTEGER PRIMARY KEY,
                owner_id INTEGER REFERENCES owner (id) ON DELETE CASCADE,
                title TEXT NOT NULL COLLATE NOCASE,
                qty INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
                note TEXT,
                extra TEXT
            ) STRICT;
            CREATE INDEX item_title ON item (title);
            CREATE TABLE log (id INTEGER PRIMARY KEY, what TEXT NOT NULL);
            CREATE VIEW item_titles AS SELECT i.id, i.title, o.name FROM item i JOIN owner o ON o.id = i.owner_id;
            CREATE TRIGGER item_ai AFTER INSERT ON item BEGIN
                INSERT INTO log (what) VALUES ('item ' || new.id || CASE WHEN new.qty > 0 THEN ' stocked' ELSE '' END);
            END;
            """;

    /**
     * qty's default changes (an AlterColumn), extra goes (a DropColumn): both rebuild item. extra is the last column
     * because the DropColumn's reverse is an AddColumn, which appends: the model has no column position, so a
     * dropped middle column would come back last (docs/dialects/sqlite.md).
     */
    static final String CHANGED = ORIGINAL.replace("qty INTEGER NOT NULL DEFAULT 0", "qty INTEGER NOT NULL DEFAULT 1")
            .replace("    note TEXT,\n    extra TEXT\n", "    note TEXT\n");

    @TempDir
    Path dir;

    @Test
    void alterAndDropColumnKeepTheTableItsTriggerViewForeignKeyAndRows() throws IOException {
        Path original = Files.writeString(dir.resolve("original.sql"), ORIGINAL);
        Path changed = Files.writeString(dir.resolve("changed.sql"), CHANGED);
        Project project = Project.sqlite(Files.createDirectories(dir.resolve("p")));
        Covet covet = project.covet();
        Migration first = covet.makeMigration(covet.desiredSchema(original, null), "initial", Questioner.NO_RENAMES)
                .orElseThrow();
        covet.writeMigration(first, "json");
        project.covet().migrate(null, false, r -> { });
        project.execute("INSERT INTO owner (id, name) VALUES (1, 'Ann'), (2, 'Bob')",
                "INSERT INTO item (id, owner_id, title, qty, note, extra) VALUES (1, 1, 'Lamp', 3, NULL, 'x'),"
                        + " (2, 2, 'desk', 0, 'oak', 'y'), (3, NULL, 'Chair', 7, 'spare', NULL)");
        List<String> log = project.query("SELECT id, what FROM log ORDER BY id");
        assertEquals(List.of("1|item 1 stocked", "2|item 2", "3|item 3 stocked"), log, "the trigger ran");

        Covet again = project.covet();
        Migration second = again.makeMigration(again.desiredSchema(changed, null), "rebuild", Questioner.NO_RENAMES)
                .orElseThrow();
        List<Class<?>> kinds = second.operations().stream().map(Operation::getClass).distinct()
                .<Class<?>>map(c -> c).toList();
        assertTrue(kinds.contains(AlterColumn.class) && kinds.contains(DropColumn.class), kinds.toString());
        again.writeMigration(second, "json");
        project.covet().migrate(null, false, r -> { });

        Path db = project.root.resolve("covet.db");
        Path wanted = dir.resolve("wanted.db");
        SqliteShell.load(wanted, changed);
        SqliteShell.assertSame(SqliteShell.schema(wanted, covet.dialect()), SqliteShell.schema(db, covet.dialect()),
                "after the rebuild");
        assertEquals(List.of("1|1|Lamp|3|null", "2|2|desk|0|oak", "3|null|Chair|7|spare"),
                project.query("SELECT id, owner_id, title, qty, note FROM item ORDER BY id"), "every row kept");
        assertEquals(log, project.query("SELECT id, what FROM log ORDER BY id"), "the copy fired no trigger");
        project.execute("INSERT INTO item (id, owner_id, title) VALUES (4, 1, 'Shelf')");
        assertEquals("4|item 4 stocked", project.query("SELECT id, what FROM log ORDER BY id DESC").get(0),
                "the trigger is back and the new default (1) applies");
        assertEquals(List.of("1|Lamp|Ann", "2|desk|Bob", "4|Shelf|Ann"),
                project.query("SELECT id, title, name FROM item_titles ORDER BY id"), "the view reads the new table");
        assertEquals(List.of("LAMP"), project.query("SELECT upper(title) FROM item WHERE title = 'lamp'"),
                "the collation is kept");
        assertEquals(List.of("1|owner|CASCADE"), project.query(
                "SELECT count(*), \"table\", on_delete FROM pragma_foreign_key_list('item')"), "the foreign key");
        assertEquals(List.of("1"), project.query("SELECT strict FROM pragma_table_list WHERE name = 'item'"),
                "still STRICT");

        project.covet().rollback(first.id(), false, r -> { });
        Path originalDb = dir.resolve("original.db");
        SqliteShell.load(originalDb, original);
        SqliteShell.assertSame(SqliteShell.schema(originalDb, covet.dialect()), SqliteShell.schema(db,
                covet.dialect()), "after rolling the rebuild back");
        // the dropped column's values are gone (the rollback adds the column back empty); every other value stays
        assertEquals(List.of("1|1|Lamp|3|null|null", "2|2|desk|0|oak|null", "3|null|Chair|7|spare|null",
                        "4|1|Shelf|1|null|null"),
                project.query("SELECT id, owner_id, title, qty, note, extra FROM item ORDER BY id"));
        assertEquals(4, project.query("SELECT id FROM log").size(), "the rollback's copy fired no trigger");
    }
}
