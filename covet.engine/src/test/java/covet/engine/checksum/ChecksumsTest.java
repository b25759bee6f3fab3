package covet.engine.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Column;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.Table;
import covet.api.operation.AddColumn;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.api.operation.RunSQL;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    private static List<Operation> ops(int length) {
        Table users = Table.of("users", List.of(Column.of("id", "integer").notNull(),
                Column.of("name", LogicalType.varchar(length))), PrimaryKey.of("id"));
        return List.of(new CreateTable(users), new AddColumn("users", Column.of("email", "text")));
    }

    @Test
    void isSha256HexAndStable() {
        String sum = Checksums.of(ops(50));
        assertEquals(64, sum.length());
        assertTrue(sum.matches("[0-9a-f]{64}"));
        assertEquals(sum, Checksums.of(ops(50)), "equal operations give equal checksums");
    }

    @Test
    void changesWhenWhatTheMigrationDoesChanges() {
        assertNotEquals(Checksums.of(ops(50)), Checksums.of(ops(51)), "a column length is part of the content");
        assertNotEquals(Checksums.of(ops(50)), Checksums.of(List.of(ops(50).get(1), ops(50).get(0))),
                "order of operations is part of the content");
    }

    @Test
    void nullAndEmptyComponentsAreLeftOut() {
        String canonical = Checksums.canonical(new RunSQL(List.of("SELECT 1"), null));
        assertEquals("RunSQL{sql=[\"SELECT 1\"]}", canonical);
    }

    @Test
    void stringsAreEscapedSoValuesCannotCollide() {
        assertNotEquals(Checksums.of(List.of(new RunSQL(List.of("a\",\"b"), null))),
                Checksums.of(List.of(new RunSQL(List.of("a", "b"), null))));
    }

    @Test
    void newOperationsAndObjectsCountAndEmptyTableOptionsDoNot() {
        covet.api.model.EnumType mood = covet.api.model.EnumType.of("mood", "ok");
        assertNotEquals(Checksums.of(List.of(new covet.api.operation.CreateObject(mood))),
                Checksums.of(List.of(new covet.api.operation.CreateObject(covet.api.model.EnumType.of("mood", "ok",
                        "sad")))), "an enum's values are part of the content");
        assertNotEquals(Checksums.of(List.of(new covet.api.operation.AlterTable("t", null, java.util.Map.of(), null,
                java.util.Map.of()))), Checksums.of(List.of(new covet.api.operation.AlterTable("t", null,
                java.util.Map.of(), null, null))), "unknown previous options make the change irreversible");
        Table users = ((CreateTable) ops(50).get(0)).table();
        assertEquals(Checksums.canonical(users), Checksums.canonical(users.withOptions(java.util.Map.of())),
                "a table without options checksums as before options existed");
    }
}
