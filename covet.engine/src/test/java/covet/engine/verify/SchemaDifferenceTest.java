package covet.engine.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Column;
import covet.api.model.Index;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDifferenceTest {
    static Table users(Column... extra) {
        List<Column> cols = new java.util.ArrayList<>(List.of(Column.of("id", "integer").notNull(),
                Column.of("email", "varchar(100)").notNull()));
        cols.addAll(List.of(extra));
        return new Table("users", cols, PrimaryKey.of("id"), null, List.of(Index.on("ix_email", "email")), null,
                null, null);
    }

    @Test
    void equalSchemasDifferInNothingAndColumnOrderDoesNotCount() {
        Table t = users(Column.of("bio", "text"));
        Table reordered = t.withColumns(List.of(t.columns().get(2), t.columns().get(0), t.columns().get(1)));
        assertTrue(SchemaDifference.between(new Schema(List.of(t)), new Schema(List.of(reordered))).isEmpty());
    }

    @Test
    void namesEachDifferingTableAndWhatDiffers() {
        Table audit = Table.of("audit", List.of(Column.of("id", "integer")), null);
        Table narrowed = users().replaceColumn(Column.of("email", "varchar(50)").notNull()).withIndexes(List.of());
        SchemaDifference d = SchemaDifference.between(new Schema(List.of(users())),
                new Schema(List.of(audit, narrowed)));
        assertEquals(List.of("audit", "users"), d.tables());
        assertEquals(List.of("table audit exists only after the rollback",
                "users: column email was varchar(100) NOT NULL, is varchar(50) NOT NULL",
                "users: index ix_email is missing (was " + Index.on("ix_email", "email") + ")"), d.details());
    }

    @Test
    void objectsAreComparedByKeyWithoutTheirDependencies() {
        covet.api.model.View v = new covet.api.model.View("user_list", "SELECT 1", null, List.of("table:users"));
        covet.api.model.EnumType mood = covet.api.model.EnumType.of("mood", "ok", "sad");
        Schema before = new Schema(List.of(users()), List.of(mood, v));
        assertTrue(SchemaDifference.between(before, new Schema(List.of(users()),
                List.of(v.withDependsOn(List.of()), mood))).isEmpty(), "order and dependsOn do not count");
        SchemaDifference d = SchemaDifference.between(before, new Schema(List.of(users()),
                List.of(covet.api.model.EnumType.of("mood", "ok"))));
        assertEquals(List.of("enum mood", "view user_list"), d.tables());
        assertEquals("view user_list is missing after the rollback", d.details().get(1));
        assertTrue(d.details().get(0).startsWith("enum mood was "), d.details().get(0));
    }

    @Test
    void partitioningAndOptionsCount() {
        Table t = users();
        SchemaDifference d = SchemaDifference.between(new Schema(List.of(t)),
                new Schema(List.of(t.withOptions(java.util.Map.of("unlogged", "true")))));
        assertEquals(List.of("users: options was {}, is {unlogged=true}"), d.details());
    }
}
