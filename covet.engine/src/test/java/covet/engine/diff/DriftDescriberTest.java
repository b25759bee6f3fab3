package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.EnumType;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Sequence;
import covet.api.model.View;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.CreateObject;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One line per difference, naming the object and what differs; dependencies are never a difference. */
class DriftDescriberTest {

    @Test
    void objectsSayWhatDiffers() {
        assertEquals("enum mpaa_rating: values differ", DriftDescriber.describe(new AlterObject(
                EnumType.of("mpaa_rating", "G", "PG", "R"), EnumType.of("mpaa_rating", "G", "PG"))));
        View before = new View("film_list", "SELECT 1", null, List.of("table:film"));
        assertEquals("view film_list: definition differs", DriftDescriber.describe(new AlterObject(
                new View("film_list", "SELECT 2", null, List.of()), before)));
        assertEquals("view film_list: definition and comment differ", DriftDescriber.describe(new AlterObject(
                new View("film_list", "SELECT 2", "films", List.of()), before)));
        assertEquals("sequence s: owned by differs", DriftDescriber.describe(new AlterObject(
                Sequence.of("s").withOwnedBy("t.id"), Sequence.of("s"))));
        assertEquals("view film_list exists in the database but in no migration",
                DriftDescriber.describe(new CreateObject(before)));
        assertEquals("view film_list is missing from the database", DriftDescriber.describe(new DropObject(before)));
    }

    @Test
    void tableSettingsKeysAndPartitions() {
        assertEquals("table x: comment differs",
                DriftDescriber.describe(new AlterTable("x", "new", Map.of(), "old", Map.of())));
        assertEquals("table x: options differ",
                DriftDescriber.describe(new AlterTable("x", null, Map.of("unlogged", "true"), null, Map.of())));
        assertEquals("table x: primary key (id) exists in the database but in no migration",
                DriftDescriber.describe(new AddPrimaryKey("x", PrimaryKey.of("id"))));
        assertEquals("table p1 is not a partition of p in the database",
                DriftDescriber.describe(new DetachPartition("p1", new Partition("p", "DEFAULT"))));
    }
}
