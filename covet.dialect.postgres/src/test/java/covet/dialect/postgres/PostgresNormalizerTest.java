package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.Extension;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.MaterializedView;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.Schema;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A schema written by hand, in the spellings a user may choose, normalises to what the introspector reads (the
 * introspected forms asserted by {@link PostgresObjectsIntrospectionTest}), and normalising twice changes nothing.
 */
class PostgresNormalizerTest {

    private static Schema normalize(Schema s) {
        Schema once = PostgresNormalizer.normalize(s);
        assertEquals(once, PostgresNormalizer.normalize(once), "idempotent");
        return once;
    }

    @Test
    void columnsIndexesAndTableOptions() {
        Table written = new Table("person", List.of(
                new Column("id", ColumnType.parse("native:int4"), false, "nextval('person_id_seq')", false, ""),
                new Column("code", ColumnType.parse("bigint"), true, null, true, null, Identity.BY_DEFAULT, null,
                        null),
                new Column("always", ColumnType.parse("bigint"), true, null, true, null, Identity.ALWAYS, null,
                        null),
                new Column("name", ColumnType.parse("varchar(100)"), false, null, false, null, null, null,
                        "pg_catalog.\"C\""),
                new Column("plain", ColumnType.parse("text"), true, null, false, null, null, null, "default"),
                new Column("name_upper", ColumnType.parse("text"), true, null, false, null, null,
                        "(upper((name)::text))", null),
                new Column("ticket", ColumnType.parse("integer"), true, "nextval('ticket_seq'::text)", false, null),
                Column.of("doc", "json"), Column.of("tags", "native:text[]")),
                PrimaryKey.of("id"), null, List.of(
                new Index("person_doc_idx", List.of(new IndexColumn("doc", null, false, null, "jsonb_path_ops")),
                        false, null, "GIN", null, false),
                new Index("person_tags_idx", List.of(new IndexColumn("tags", null, false, null, "array_ops")),
                        false, null, "gin", null, false),
                new Index("person_name_idx", List.of(new IndexColumn("name", null, false, "last", "text_ops"),
                        new IndexColumn("code", null, true, "first", "pg_catalog.int8_ops")), false, null,
                        "btree", List.of("plain"), false)),
                null, null, "", null, null, null,
                Map.of("unlogged", "false", "WITH", "FillFactor = 70, autovacuum_enabled=false", "inherits", ""));

        Table want = new Table("person", List.of(
                new Column("id", ColumnType.parse("integer"), false, "nextval('person_id_seq'::regclass)", false,
                        null),
                new Column("code", ColumnType.parse("bigint"), false, null, true, null),
                new Column("always", ColumnType.parse("bigint"), false, null, true, null, Identity.ALWAYS, null,
                        null),
                new Column("name", ColumnType.parse("varchar(100)"), false, null, false, null, null, null, "C"),
                Column.of("plain", "text"),
                new Column("name_upper", ColumnType.parse("text"), true, null, false, null, null, "upper(name)",
                        null),
                new Column("ticket", ColumnType.parse("integer"), true, "nextval(('ticket_seq'::text)::regclass)",
                        false, null),
                Column.of("doc", "json"), Column.of("tags", "native:text[]")),
                new PrimaryKey("person_pkey", List.of("id")), null, List.of(
                new Index("person_doc_idx", List.of(new IndexColumn("doc", null, false, null, "jsonb_path_ops")),
                        false, null, "gin", null, false),
                new Index("person_name_idx", List.of(IndexColumn.of("name"), new IndexColumn("code", null, true)),
                        false, null, null, List.of("plain"), false),
                new Index("person_tags_idx", List.of(IndexColumn.of("tags")), false, null, "gin", null, false)),
                null, null, null, null, null, null, Map.of("with", "autovacuum_enabled=false,fillfactor=70"));
        assertEquals(want, normalize(new Schema(List.of(written))).tables().get(0));
    }

    @Test
    void partitionsAndExclusions() {
        Table parent = new Table("m", List.of(Column.of("at", "date")), null, null, null, null, null, null, null,
                "range (at)", null, null);
        Table part = new Table("m_other", List.of(), null, null, null, null, null, null, null, null,
                new Partition("m", " default "), Map.of("unlogged", "TRUE"));
        Schema s = normalize(new Schema(List.of(part, parent)));
        assertEquals("RANGE (at)", s.requireTable("m").partitionBy());
        assertEquals(new Partition("m", "DEFAULT"), s.requireTable("m_other").partitionOf());
        assertEquals(Map.of("unlogged", "true"), s.requireTable("m_other").options());
        assertEquals(List.of("m", "m_other"), s.tables().stream().map(Table::name).toList());
    }

    @Test
    void objects() {
        Schema written = new Schema(List.of(), List.of(
                new View("v", " SELECT 1;\n", "", List.of("table:b", "table:a", "table:a")),
                new Sequence("s", "int8", 1L, 1L, 1L, Long.MAX_VALUE, 1L, false, "", null, null),
                new Sequence("small", "int2", null, -1L, null, -1L, null, false, null, null, null),
                new Sequence("odd", "integer", null, null, 10L, null, null, false, "t.id", null, null),
                new Extension("pgcrypto", "public", null, null),
                new Domain("zip", "varchar(5)", true, "'00000'::character varying", "default",
                        List.of(new Check("zip_digits", "((VALUE)::text ~ '^[0-9]{5}$'::text)")), null, null),
                new CompositeType("address", List.of(new CompositeType.Attribute("city", "TEXT", "\"C\"")), null,
                        null),
                new MaterializedView("mv", "SELECT 2", true, List.of(new Index("mv_idx",
                        List.of(new IndexColumn("a", null, false, "last", null)), false, null, "btree", null, false)),
                        null, null),
                new Routine("f()", false, "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n"
                        + " LANGUAGE sql\nAS $function$ SELECT 1 $function$\n", null, null)));
        Schema want = new Schema(List.of(), List.of(
                new Extension("pgcrypto", null, null, null),
                new CompositeType("address", List.of(new CompositeType.Attribute("city", "text", "C")), null, null),
                new Domain("zip", "character varying(5)", true, "'00000'", null,
                        List.of(new Check("zip_digits", "VALUE ~ '^[0-9]{5}$'")), null, null),
                new Sequence("odd", "integer", null, null, 10L, null, null, false, "t.id", null, null),
                new Sequence("s", null, null, null, null, null, null, false, null, null, null),
                new Sequence("small", "smallint", null, -1L, null, null, null, false, null, null, null),
                new Routine("f()", false, "CREATE OR REPLACE FUNCTION public.f()\n RETURNS integer\n"
                        + " LANGUAGE sql\nAS $function$ SELECT 1 $function$", null, null),
                new View("v", "SELECT 1", null, List.of("table:a", "table:b")),
                new MaterializedView("mv", "SELECT 2", true, List.of(new Index("mv_idx", List.of(IndexColumn.of("a")),
                        false, null)), null, null)));
        assertEquals(want, normalize(written));
    }
}
