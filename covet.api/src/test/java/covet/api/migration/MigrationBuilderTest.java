package covet.api.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Column;
import covet.api.model.EnumType;
import covet.api.model.Exclusion;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.Schema;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AlterObject;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The builder makes the same records a migration file describes, for objects, keys and partitions too. */
class MigrationBuilderTest {

    @Test
    void objectsAreCreatedAlteredAndDropped() {
        EnumType mood = EnumType.of("mood", "happy", "sad");
        Migration m = Migration.named("20260101_120000_objects")
                .createEnum("mood", "happy", "sad")
                .createSequence("counter_seq")
                .createView("happy_people", "SELECT 1")
                .createFunction("last_day(date)", "CREATE OR REPLACE FUNCTION last_day(date) RETURNS date ...")
                .createTrigger("people", "touch", "CREATE TRIGGER touch BEFORE UPDATE ON people ...")
                .createObject(Sequence.of("other_seq").withOwnedBy("people.id"))
                .alterObject(mood, EnumType.of("mood", "happy", "sad", "meh"))
                .dropObject(new View("old_view", "SELECT 2", null, null))
                .build();
        assertEquals(List.of(
                new CreateObject(mood),
                new CreateObject(Sequence.of("counter_seq")),
                new CreateObject(new View("happy_people", "SELECT 1", null, null)),
                new CreateObject(new Routine("last_day(date)", false,
                        "CREATE OR REPLACE FUNCTION last_day(date) RETURNS date ...", null, null)),
                new CreateObject(new Trigger("people", "touch", "CREATE TRIGGER touch BEFORE UPDATE ON people ...",
                        null, null)),
                new CreateObject(Sequence.of("other_seq").withOwnedBy("people.id")),
                new AlterObject(EnumType.of("mood", "happy", "sad", "meh"), mood),
                new DropObject(new View("old_view", "SELECT 2", null, null))), m.operations());
        assertEquals("trigger:people.touch", ((CreateObject) m.operations().get(4)).object().key());
        assertEquals(new AlterObject(mood, EnumType.of("mood", "happy", "sad", "meh")),
                m.operations().get(6).reverse().orElseThrow(), "alterObject is reversible");
    }

    @Test
    void primaryKeysAndPartitions() {
        Migration m = Migration.named("20260101_120000_keys")
                .addPrimaryKey("people", PrimaryKey.of("id"))
                .dropPrimaryKey("people", PrimaryKey.of("id"))
                .attachPartition("payments_2026", "payments", "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')")
                .detachPartition("payments_2025", "payments", "DEFAULT")
                .build();
        assertEquals(List.of(
                new AddPrimaryKey("people", PrimaryKey.of("id")),
                new DropPrimaryKey("people", PrimaryKey.of("id")),
                new AttachPartition("payments_2026", new Partition("payments",
                        "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')")),
                new DetachPartition("payments_2025", new Partition("payments", "DEFAULT"))), m.operations());
        assertTrue(m.operations().stream().allMatch(op -> op.reverse().isPresent()));
    }

    @Test
    void tableBuilderKnowsIdentityGeneratedCollationPartitionsAndOptions() {
        Migration m = Migration.named("20260101_120000_tables")
                .createTable("payments", t -> t.bigint("id").notNull().identity(Identity.ALWAYS)
                        .decimal("amount", 10, 2).decimal("total", 12, 2).generated("amount * 2")
                        .text("note").collation("\"C\"").column("during", "native:tstzrange")
                        .primaryKey("id")
                        .index(Index.on("ix_note", "note").withMethod("gin").withInclude(List.of("amount")))
                        .exclusion("ex_during", "EXCLUDE USING gist (during WITH &&)")
                        .partitionBy("RANGE (id)")
                        .option("with", "fillfactor=70"))
                .createTable("payments_1", t -> t.partitionOf("payments", "FOR VALUES FROM (1) TO (100)"))
                .build();
        Table t = ((CreateTable) m.operations().get(0)).table();
        Column id = t.requireColumn("id");
        assertTrue(id.autoIncrement());
        assertEquals(Identity.ALWAYS, id.identity());
        assertEquals("amount * 2", t.requireColumn("total").generated());
        assertEquals("\"C\"", t.requireColumn("note").collation());
        assertEquals("gin", t.index("ix_note").orElseThrow().method());
        assertEquals(List.of("amount"), t.index("ix_note").orElseThrow().include());
        assertEquals(List.of(new Exclusion("ex_during", "EXCLUDE USING gist (during WITH &&)")), t.exclusions());
        assertEquals("RANGE (id)", t.partitionBy());
        assertEquals(Map.of("with", "fillfactor=70"), t.options());
        Table partition = ((CreateTable) m.operations().get(1)).table();
        assertEquals(new Partition("payments", "FOR VALUES FROM (1) TO (100)"), partition.partitionOf());
        assertTrue(partition.columns().isEmpty());
        Schema schema = Schema.EMPTY;
        for (Operation op : m.operations()) {
            schema = op.applyTo(schema);
        }
        assertEquals(2, schema.tables().size());
    }

    @Test
    void identityNeedsAColumnAndGeneratedRefusesADefault() {
        assertThrows(IllegalArgumentException.class, () -> Migration.named("20260101_120000_bad")
                .createTable("t", t -> t.identity(Identity.ALWAYS)));
        assertThrows(IllegalArgumentException.class, () -> Migration.named("20260101_120000_bad")
                .createTable("t", t -> t.integer("n").defaultValue("0").generated("1")));
    }
}
