package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.operation.Operation;
import covet.engine.questioner.Questioner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real schemas hold thousands of tables, partitions and objects: the diff stays quick and ordered at that size. */
class LargeSchemaDiffTest {
    private static final Autodetector PLAIN = new Autodetector(s -> s, Questioner.NO_RENAMES);

    private static Schema large(int count, String titleType) {
        List<Table> tables = new ArrayList<>();
        List<SchemaObject> objects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "t" + i;
            List<ForeignKey> fks = i == 0 ? List.of() : List.of(ForeignKey.of("fk_" + name, "parent_id",
                    "t" + (i * 7919 % i), "id"));
            tables.add(new Table(name, List.of(Column.of("id", "integer").notNull()
                            .withDefault("nextval('" + name + "_id_seq'::regclass)"),
                    Column.of("parent_id", "integer"), Column.of("title", titleType)), PrimaryKey.of("id"), null,
                    null, fks, null, null));
            objects.add(new Sequence(name + "_id_seq", "integer", null, null, null, null, null, false, name + ".id",
                    null, List.of("table:" + name)));
            if (i % 3 == 0) {
                objects.add(new View("v" + i, "SELECT title FROM " + name, null, List.of("table:" + name)));
                objects.add(new View("w" + i, "SELECT title FROM v" + i, null, List.of("view:v" + i)));
                objects.add(new Trigger(name, "touch", "CREATE TRIGGER touch ...", null,
                        List.of("table:" + name, "function:touch()")));
            }
        }
        for (int p = 0; p < 4; p++) {
            tables.add(new Table("parts" + p, List.of(Column.of("id", "integer").notNull()), null, null, null, null,
                    null, null, null, "LIST (id)", null, null));
            for (int i = 0; i < count / 15; i++) {
                tables.add(new Table("parts" + p + "_" + i, List.of(Column.of("id", "integer").notNull()), null,
                        null, null, null, null, null, null, null, new Partition("parts" + p,
                        "FOR VALUES IN (" + i + ")"), null));
            }
        }
        objects.add(new Routine("touch()", false, "CREATE FUNCTION touch() ...", null, List.of()));
        java.util.Collections.reverse(objects);
        return new Schema(tables, objects);
    }

    @Test
    void thousandsOfTablesAndObjectsDiffInSeconds() {
        Schema big = large(1500, "text");
        Schema retyped = large(1500, "varchar(200)");
        long start = System.nanoTime();
        List<Operation> up = PLAIN.diff(Schema.EMPTY, big);
        List<Operation> down = PLAIN.diff(big, Schema.EMPTY);
        List<Operation> retype = PLAIN.diff(big, retyped);
        assertTrue(PLAIN.diff(big, big).isEmpty());
        long millis = (System.nanoTime() - start) / 1_000_000L;
        // about a second on a laptop; the bound leaves room for a busy machine
        assertTrue(millis < 30_000, "took " + millis + " ms");

        ModelChecks.assertSameSchema(big, applied(Schema.EMPTY, up), "created");
        ModelChecks.assertSameSchema(Schema.EMPTY, applied(big, down), "dropped");
        ModelChecks.assertSameSchema(retyped, applied(big, retype), "retyped");
        assertEquals(1500 + 2 * 500 * 2, retype.size(), "each column, and each view dropped and created");
    }

    @Test
    void theOrderHoldsAtSize() {
        Schema big = large(150, "text");
        ModelChecks.apply(Schema.EMPTY, PLAIN.diff(Schema.EMPTY, big));
        ModelChecks.apply(big, PLAIN.diff(big, Schema.EMPTY));
        ModelChecks.apply(big, PLAIN.diff(big, large(150, "varchar(200)")));
    }

    private static Schema applied(Schema start, List<Operation> ops) {
        Schema s = start;
        for (Operation op : ops) {
            s = op.applyTo(s);
        }
        return s;
    }
}
