package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Exclusion;
import covet.api.model.Extension;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.MaterializedView;
import covet.api.model.Namespace;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Routine;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One database holding one of each kind of object ({@link PostgresObjectsFixture}): the introspector reads each
 * as the model holds it, with its comment and what it depends on, and lists what the model cannot hold.
 */
class PostgresObjectsIntrospectionTest {
    private static PostgresTestDatabase db;
    private static Schema schema;
    private static List<String> unmanaged;
    private static String extension;

    @BeforeAll
    static void load() throws Exception {
        db = PostgresTestDatabase.create();
        try (Connection c = db.connect()) {
            extension = PostgresObjectsFixture.extension(c);
            PostgresObjectsFixture.create(c, extension);
            schema = PostgresTestDatabase.DIALECT.introspector().introspect(c);
            unmanaged = PostgresTestDatabase.DIALECT.introspector().unmanaged(c);
        }
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static SchemaObject object(String key) {
        return schema.object(key).orElseThrow(() -> new AssertionError("no " + key + " in "
                + schema.objects().stream().map(SchemaObject::key).toList()));
    }

    @Test
    void everyObjectIsReadInKindThenNameOrder() {
        assertEquals(List.of("namespace:sales", "extension:" + extension, "enum:mood", "composite:address",
                        "domain:zip", "sequence:person_id_seq", "sequence:sales.down_seq", "sequence:ticket_seq",
                        "function:add_one(integer)", "function:new_id()", "function:people(mood)", "function:touch()",
                        "procedure:reset_tickets(bigint)", "view:person_names", "view:person_names_c",
                        "view:sales.next_ids", "materialized_view:person_counts", "trigger:person.person_touch",
                        "trigger:sales.measurement.measurement_touch"),
                schema.objects().stream().map(SchemaObject::key).toList());
    }

    @Test
    void namespacesExtensionsAndTypes() {
        assertEquals(new Namespace("sales", "sales things", List.of()), object("namespace:sales"));
        assertEquals(new Extension(extension, null, null, List.of()), object("extension:" + extension));
        assertEquals(new EnumType("mood", List.of("sad", "ok", "happy"), "feelings", List.of()),
                object("enum:mood"));
        assertEquals(new Domain("zip", "character varying(5)", true, "'00000'", null,
                List.of(new Check("zip_digits", "VALUE ~ '^[0-9]{5}$'")), null, List.of()), object("domain:zip"));
        assertEquals(new CompositeType("address", List.of(new CompositeType.Attribute("street", "text", null),
                        new CompositeType.Attribute("code", "zip", null),
                        new CompositeType.Attribute("city", "text", "C")), null, List.of("domain:zip")),
                object("composite:address"));
    }

    @Test
    void sequencesOwnedFreeAndDescendingWithDefaultsAsNull() {
        assertEquals(new Sequence("person_id_seq", "integer", null, null, null, null, null, false, "person.id",
                null, List.of()), object("sequence:person_id_seq"));
        assertEquals(new Sequence("ticket_seq", null, 100L, 5L, null, null, null, false, null, "tickets",
                List.of()), object("sequence:ticket_seq"));
        assertEquals(new Sequence("sales.down_seq", "integer", null, -1L, null, null, null, false, null, null,
                List.of("namespace:sales")), object("sequence:sales.down_seq"));
    }

    @Test
    void viewsRoutinesAndTriggersAsTheServerRendersThem() {
        View names = (View) object("view:person_names");
        assertEquals("SELECT person.id,\n    person.name\n   FROM person", names.definition());
        assertEquals("names", names.comment());
        assertEquals(List.of("table:person"), names.dependsOn());
        assertEquals(List.of("view:person_names"), object("view:person_names_c").dependsOn());
        assertEquals(List.of("function:add_one(integer)", "namespace:sales", "table:person"),
                object("view:sales.next_ids").dependsOn());

        MaterializedView counts = (MaterializedView) object("materialized_view:person_counts");
        assertFalse(counts.withData(), "WITH NO DATA");
        assertEquals(List.of(new Index("person_counts_feeling", List.of(new IndexColumn("feeling", null, true)),
                true, null)), counts.indexes());
        assertEquals(List.of("table:person"), counts.dependsOn());

        Routine addOne = (Routine) object("function:add_one(integer)");
        assertFalse(addOne.procedure());
        assertEquals("CREATE OR REPLACE FUNCTION public.add_one(i integer)\n RETURNS integer\n LANGUAGE sql\n"
                + " IMMUTABLE\nAS $function$ SELECT i + 1 $function$", addOne.definition());
        assertEquals("adds one", addOne.comment());
        assertTrue(((Routine) object("procedure:reset_tickets(bigint)")).procedure());
        assertEquals(List.of("enum:mood", "table:person"), object("function:people(mood)").dependsOn());
        assertEquals(List.of("extension:" + extension), object("function:new_id()").dependsOn());

        assertEquals(new Trigger("person", "person_touch", "CREATE TRIGGER person_touch BEFORE INSERT ON"
                + " public.person FOR EACH ROW EXECUTE FUNCTION touch()", "stamps",
                List.of("function:touch()", "table:person")), object("trigger:person.person_touch"));
        assertEquals(List.of("function:touch()", "table:sales.measurement"),
                object("trigger:sales.measurement.measurement_touch").dependsOn(),
                "one trigger: the partitions' clones are the server's");
    }

    @Test
    void columnsKeepSerialIdentityGeneratedAndCollation() {
        Table person = schema.requireTable("person");
        assertEquals(new Column("id", ColumnType.parse("integer"), false, "nextval('person_id_seq'::regclass)",
                false, null), person.requireColumn("id"), "serial stays serial");
        assertEquals("nextval('ticket_seq'::regclass)", person.requireColumn("ticket").defaultValue());
        assertEquals(new Column("code", ColumnType.parse("bigint"), false, null, true, null, Identity.ALWAYS, null,
                null), person.requireColumn("code"));
        assertEquals(new Column("serial_no", ColumnType.parse("integer"), false, null, true, null),
                person.requireColumn("serial_no"), "BY DEFAULT is the plain auto-increment");
        assertEquals(new Column("name", ColumnType.parse("varchar(100)"), false, null, false, "full name", null,
                null, "C"), person.requireColumn("name"));
        assertEquals(new Column("name_upper", ColumnType.parse("text"), true, null, false, null, null,
                "upper(name)", null), person.requireColumn("name_upper"));
        assertEquals(ColumnType.parse("native:mood"), person.requireColumn("feeling").type());
        assertEquals("'ok'", person.requireColumn("feeling").defaultValue());
        assertEquals(ColumnType.parse("native:zip"), person.requireColumn("zip").type());
        assertEquals("people", person.comment());
    }

    @Test
    void indexesWithMethodIncludeNullsOpclassAndNullsNotDistinct() {
        Map<String, Index> indexes = schema.requireTable("person").indexes().stream()
                .collect(java.util.stream.Collectors.toMap(Index::name, i -> i));
        assertEquals(new Index("person_doc_idx", List.of(new IndexColumn("doc", null, false, null,
                "jsonb_path_ops")), false, null, "gin", null, false), indexes.get("person_doc_idx"));
        assertEquals(new Index("person_tags_idx", List.of(IndexColumn.of("tags")), false, null, "gin", null,
                false), indexes.get("person_tags_idx"), "array_ops is the default: no opclass");
        assertEquals(new Index("person_name_idx", List.of(IndexColumn.of("name")), false, null, null,
                List.of("born", "zip"), false, "by name"), indexes.get("person_name_idx"));
        assertEquals(List.of(new IndexColumn("born", null, false, "first", null),
                new IndexColumn("name", null, true, "last", null), new IndexColumn("feeling", null, true)),
                indexes.get("person_born_idx").columns());
        assertEquals("varchar_pattern_ops", indexes.get("person_pattern_idx").columns().get(0).opclass());
        assertTrue(indexes.get("person_ticket_idx").nullsNotDistinct());
    }

    @Test
    void constraintsWithTimingValidityAndExclusion() {
        Table booking = schema.requireTable("booking");
        assertEquals(List.of(new ForeignKey("booking_person_fk", List.of("person_id"), "person", List.of("id"),
                ReferentialAction.SET_NULL, null, true, true, false, List.of("person_id"), null)),
                booking.foreignKeys());
        assertEquals(new PrimaryKey("booking_pkey", List.of("id"), "one per booking"), booking.primaryKey());
        assertEquals(List.of(new UniqueConstraint("booking_qty_key", List.of("qty"), true, false, true)),
                booking.uniques());
        assertEquals(List.of(new Check("booking_qty_check", "qty > 0", true, "positive")), booking.checks());
        assertEquals(List.of(new Exclusion("booking_room_excl", "EXCLUDE USING gist (room WITH &&)")),
                booking.exclusions());
    }

    @Test
    void partitionsInheritanceAndOptions() {
        Table parent = schema.requireTable("sales.measurement");
        assertEquals("RANGE (at)", parent.partitionBy());
        assertEquals(1, parent.indexes().size());
        Table y2023 = schema.requireTable("sales.m2023");
        assertEquals(new Partition("sales.measurement", "FOR VALUES FROM ('2023-01-01') TO ('2024-01-01')"),
                y2023.partitionOf());
        assertEquals(List.of("id", "at", "v"), y2023.columns().stream().map(Column::name).toList(),
                "a partition lists all its columns");
        assertEquals(null, y2023.primaryKey(), "the parent's key is the server's to copy");
        assertEquals(List.of(), y2023.checks());
        assertEquals(List.of(), y2023.indexes());
        Table other = schema.requireTable("sales.mdefault");
        assertEquals("DEFAULT", other.partitionOf().bound());
        assertEquals(List.of("mdefault_at_idx"), other.indexes().stream().map(Index::name).toList());
        assertEquals(1, schema.requireTable("sales.reading").foreignKeys().size(),
                "one key to a partitioned table, not one per partition");

        Table child = schema.requireTable("child_log");
        assertEquals(Map.of("inherits", "base_log"), child.options());
        assertEquals(List.of("extra"), child.columns().stream().map(Column::name).toList(),
                "an INHERITS child lists its own columns");
        assertEquals(List.of("child_log_extra_check"), child.checks().stream().map(Check::name).toList());
        assertEquals(List.of(), schema.requireTable("empty_child").columns());

        assertEquals(Map.of("unlogged", "true",
                        "with", "autovacuum_enabled=false,fillfactor=70,toast.autovacuum_enabled=false"),
                schema.requireTable("scratch").options());
    }

    @Test
    void whatTheModelCannotHoldIsListed() {
        assertEquals(List.of("aggregate public.longest(text)", "comment on index public.booking_pkey",
                "policy public.booking.own_bookings (row level security enabled)",
                "rule public.booking.booking_no_delete"), unmanaged);
    }

    @Test
    void theIntrospectedSchemaIsNormal() {
        Schema normal = PostgresTestDatabase.DIALECT.normalize(schema);
        SchemaAssertions.assertSameSchema(schema, normal, "normalize(introspected)");
        assertEquals(normal, PostgresTestDatabase.DIALECT.normalize(normal), "normalize is idempotent");
    }
}
