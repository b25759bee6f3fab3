package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Extension;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.MaterializedView;
import covet.api.model.Namespace;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DropObject;
import covet.api.operation.RunSQL;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CreateObject, AlterObject and DropObject of every kind, applied to a fresh database: what the database then
 * holds is read through its catalogs and pg_dump, and each reverse restores the previous dump.
 */
class PostgresObjectsTest {
    private RenderedSqlHarness h;

    @BeforeEach
    void database() throws SQLException {
        h = new RenderedSqlHarness();
    }

    @AfterEach
    void drop() throws Exception {
        if (h != null) {
            h.close();
        }
    }

    private static Column col(String name, String type) {
        return Column.of(name, ColumnType.parse(type));
    }

    private List<String> labels(String type) throws SQLException {
        return h.query("SELECT unnest(enum_range(NULL::" + type + "))::text");
    }

    @Test
    void enumAddRenameAndRemoveValues() throws Exception {
        EnumType mood = EnumType.of("mood", "sad", "ok", "happy");
        h.apply(new CreateObject(mood.withComment("how it feels")));
        Table t = Table.of("diary", List.of(col("id", "integer").notNull(),
                col("m", "native:mood").notNull().withDefault("'ok'::mood"), col("ms", "native:mood[]")),
                PrimaryKey.of("id"));
        h.apply(new CreateTable(t));
        h.execute("INSERT INTO diary VALUES (1, 'happy', '{ok,happy}'), (2, DEFAULT, NULL)");
        mood = mood.withComment("how it feels");

        EnumType added = EnumType.of("mood", "sad", "meh", "ok", "happy", "elated").withComment("how it feels");
        List<String> sql = h.roundTrip(new AlterObject(added, mood),
                () -> assertEquals(List.of("sad", "meh", "ok", "happy", "elated"), labels("mood")));
        assertEquals(List.of("ALTER TYPE \"mood\" ADD VALUE 'meh' BEFORE 'ok'",
                "ALTER TYPE \"mood\" ADD VALUE 'elated'"),
                sql);

        EnumType renamed = EnumType.of("mood", "sad", "ok", "glad").withComment("how it feels");
        sql = h.roundTrip(new AlterObject(renamed, mood), () -> {
            assertEquals(List.of("sad", "ok", "glad"), labels("mood"));
            assertEquals("glad", h.one("SELECT m::text FROM diary WHERE id = 1"));
        });
        assertEquals(List.of("ALTER TYPE \"mood\" RENAME VALUE 'happy' TO 'glad'"), sql);

        // removing a value nobody holds re-creates the type; columns, defaults, arrays and the comment follow
        EnumType removed = EnumType.of("mood", "ok", "happy").withComment("how it feels");
        AlterObject remove = new AlterObject(removed, mood);
        assertTrue(remove.removesEnumValue());
        String before = h.dumpText();
        h.apply(remove);
        assertEquals(List.of("ok", "happy"), labels("mood"));
        assertEquals("how it feels", h.one("SELECT obj_description('mood'::regtype, 'pg_type')"));
        assertEquals("'ok'::mood", h.one("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"
                + " WHERE adrelid = 'diary'::regclass AND adnum = 2"));
        assertEquals("mood[]", h.one("SELECT format_type(atttypid, NULL) FROM pg_attribute"
                + " WHERE attrelid = 'diary'::regclass AND attname = 'ms'"));
        assertEquals("{ok,happy}", h.one("SELECT ms::text FROM diary WHERE id = 1"));
        assertEquals(List.of(), h.query("SELECT typname FROM pg_type WHERE typname LIKE '%covet%'"));
        h.execute("INSERT INTO diary (id) VALUES (3)");
        // the reverse adds the value back at its place
        h.reverse(remove);
        assertEquals(List.of("sad", "ok", "happy"), labels("mood"));
        h.execute("DELETE FROM diary WHERE id = 3");
        assertEquals(before, h.dumpText());

        // a row holding the removed value makes the re-creation fail, and nothing changes
        h.execute("INSERT INTO diary VALUES (4, 'sad', NULL)");
        SQLException failure = assertThrows(SQLException.class, () -> h.apply(remove));
        assertTrue(failure.getMessage().contains("invalid input value for enum"), failure.getMessage());
        assertEquals(List.of("sad", "ok", "happy"), labels("mood"));
        assertEquals(before, h.dumpText());
    }

    @Test
    void sequenceCreateOwnAlterAndDrop() throws Exception {
        String before = h.dumpText();
        Sequence seq = new Sequence("ticket_seq", "integer", 100L, 5L, 100L, null, 10L, false, null, "tickets",
                null);
        h.apply(new CreateObject(seq));
        assertEquals("integer 100 5 100 2147483647 10 false", h.one("SELECT format_type(seqtypid, NULL) || ' '"
                + " || seqstart || ' ' || seqincrement || ' ' || seqmin || ' ' || seqmax || ' ' || seqcache || ' '"
                + " || seqcycle FROM pg_sequence WHERE seqrelid = 'ticket_seq'::regclass"));
        assertEquals("tickets", h.one("SELECT obj_description('ticket_seq'::regclass, 'pg_class')"));
        h.apply(new CreateTable(Table.of("ticket", List.of(col("id", "integer").notNull()
                .withDefault("nextval('ticket_seq'::regclass)")), PrimaryKey.of("id"))));

        Sequence owned = seq.withOwnedBy("ticket.id");
        h.roundTrip(new AlterObject(owned, seq), () -> assertEquals("ticket_seq", h.one(
                "SELECT pg_get_serial_sequence('ticket', 'id')::regclass::text")));
        h.apply(new AlterObject(owned, seq));

        Sequence changed = new Sequence("ticket_seq", "bigint", 100L, 2L, null, 1000000L, null, true,
                "ticket.id", null, null);
        h.roundTrip(new AlterObject(changed, owned), () -> {
            assertEquals("bigint 100 2 1 1000000 1 true", h.one("SELECT format_type(seqtypid, NULL) || ' '"
                    + " || seqstart || ' ' || seqincrement || ' ' || seqmin || ' ' || seqmax || ' ' || seqcache"
                    + " || ' ' || seqcycle FROM pg_sequence WHERE seqrelid = 'ticket_seq'::regclass"));
            assertEquals(List.of(), h.query("SELECT obj_description('ticket_seq'::regclass, 'pg_class')"
                    + " WHERE obj_description('ticket_seq'::regclass, 'pg_class') IS NOT NULL"));
        });
        h.apply(new AlterObject(seq, owned));
        h.apply(new covet.api.operation.DropTable("ticket", h.state().requireTable("ticket")));
        h.apply(new DropObject(seq));
        assertEquals(before, h.dumpText());
    }

    @Test
    void viewCreateReplaceAndReplaceWithFewerColumns() throws Exception {
        h.apply(new CreateTable(Table.of("film", List.of(col("id", "integer").notNull(), col("title", "text"),
                col("year", "integer")), PrimaryKey.of("id"))));
        View v = new View("film_titles", " SELECT film.id,\n    film.title\n   FROM film;", "titles", null);
        List<String> sql = h.roundTrip(new CreateObject(v), () -> {
            assertTrue(h.dumpText().contains("CREATE VIEW public.film_titles AS"));
            assertEquals("titles", h.one("SELECT obj_description('film_titles'::regclass, 'pg_class')"));
        });
        assertEquals("CREATE VIEW \"film_titles\" AS SELECT film.id,\n    film.title\n   FROM film", sql.get(0));
        h.apply(new CreateObject(v));

        View wider = new View("film_titles", "SELECT film.id, film.title, film.year FROM film", "titles", null);
        h.roundTrip(new AlterObject(wider, v), () -> assertEquals(List.of("id", "title", "year"),
                h.query("SELECT attname FROM pg_attribute WHERE attrelid = 'film_titles'::regclass ORDER BY attnum")));
        // CREATE OR REPLACE refuses to drop a column: the view is dropped and created again, its comment kept
        View narrower = new View("film_titles", "SELECT film.id FROM film", "titles", null);
        h.roundTrip(new AlterObject(narrower, v), () -> {
            assertEquals(List.of("id"), h.query("SELECT attname FROM pg_attribute"
                    + " WHERE attrelid = 'film_titles'::regclass ORDER BY attnum"));
            assertEquals("titles", h.one("SELECT obj_description('film_titles'::regclass, 'pg_class')"));
        });
        sql = h.roundTrip(new AlterObject(v.withComment(null), v), () -> assertEquals(List.of(),
                h.query("SELECT d.description FROM pg_description d WHERE d.objoid = 'film_titles'::regclass")));
        assertEquals(List.of("COMMENT ON VIEW \"film_titles\" IS NULL"), sql);
    }

    @Test
    void routinesCreateReplaceAndDrop() throws Exception {
        String before = h.dumpText();
        // a SQL function naming a table created later in the same migration: bodies are not checked
        Routine count = new Routine("film_count(integer)", false, """
                CREATE OR REPLACE FUNCTION public.film_count(min_year integer)
                 RETURNS bigint
                 LANGUAGE sql
                AS $function$SELECT count(*) FROM film WHERE year >= min_year$function$
                """, "films since", null);
        h.apply(new CreateObject(count));
        h.apply(new CreateTable(Table.of("film", List.of(col("id", "integer").notNull(), col("year", "integer")),
                PrimaryKey.of("id"))));
        h.execute("INSERT INTO film VALUES (1, 2000), (2, 2010)");
        assertEquals("1", h.one("SELECT film_count(2005)"));
        assertEquals("films since", h.one("SELECT obj_description('film_count(integer)'::regprocedure)"));

        Routine replaced = new Routine("film_count(integer)", false, count.definition().replace(">=", "<"),
                "films since", null);
        h.roundTrip(new AlterObject(replaced, count), () -> assertEquals("0", h.one("SELECT film_count(2000)")));

        Routine proc = new Routine("add_film(integer)", true, """
                CREATE OR REPLACE PROCEDURE public.add_film(IN y integer)
                 LANGUAGE plpgsql
                AS $procedure$BEGIN INSERT INTO film SELECT max(id) + 1, y FROM film; END$procedure$
                """, null, null);
        List<String> sql = h.roundTrip(new CreateObject(proc), () -> {
            h.execute("CALL add_film(2020)");
            assertEquals("2", h.one("SELECT film_count(2005)"));
            h.execute("DELETE FROM film WHERE year = 2020");
        });
        assertEquals("SET LOCAL check_function_bodies = off", sql.get(0));
        List<String> drop = h.roundTrip(new DropObject(count), () -> assertEquals(List.of(),
                h.query("SELECT proname FROM pg_proc WHERE proname = 'film_count'")));
        assertEquals(List.of("DROP FUNCTION \"film_count\"(integer)"), drop);
        assertTrue(h.dumpText().contains("films since"));

        h.apply(new covet.api.operation.DropTable("film", h.state().requireTable("film")));
        h.apply(new DropObject(count));
        assertEquals(before, h.dumpText());
    }

    @Test
    void triggerCreateAlterCommentAndDrop() throws Exception {
        h.apply(new CreateTable(Table.of("film", List.of(col("id", "integer").notNull(), col("title", "text"),
                col("updated", "timestamptz")), PrimaryKey.of("id"))));
        h.apply(new CreateObject(new Routine("touch()", false, """
                CREATE OR REPLACE FUNCTION public.touch()
                 RETURNS trigger
                 LANGUAGE plpgsql
                AS $function$BEGIN NEW.updated := now(); RETURN NEW; END$function$
                """, null, null)));
        Trigger trigger = new Trigger("film", "film_touch", "CREATE TRIGGER film_touch BEFORE UPDATE ON public.film"
                + " FOR EACH ROW EXECUTE FUNCTION touch()", "keeps updated", null);
        h.roundTrip(new CreateObject(trigger), () -> {
            h.execute("INSERT INTO film VALUES (1, 'a', NULL)", "UPDATE film SET title = 'b'");
            assertEquals("1", h.one("SELECT count(*) FROM film WHERE updated IS NOT NULL"));
            assertEquals("keeps updated", h.one("SELECT obj_description(oid, 'pg_trigger') FROM pg_trigger"
                    + " WHERE tgname = 'film_touch'"));
            h.execute("DELETE FROM film");
        });
        h.apply(new CreateObject(trigger));
        Trigger onInsert = new Trigger("film", "film_touch", "CREATE TRIGGER film_touch BEFORE INSERT OR UPDATE"
                + " ON public.film FOR EACH ROW EXECUTE FUNCTION touch()", "keeps updated", null);
        h.roundTrip(new AlterObject(onInsert, trigger), () -> {
            h.execute("INSERT INTO film VALUES (2, 'c', NULL)");
            assertEquals("1", h.one("SELECT count(*) FROM film WHERE updated IS NOT NULL"));
            assertEquals("keeps updated", h.one("SELECT obj_description(oid, 'pg_trigger') FROM pg_trigger"
                    + " WHERE tgname = 'film_touch'"));
            h.execute("DELETE FROM film");
        });
        List<String> sql = h.roundTrip(new AlterObject(trigger.withComment("new words"), trigger), () -> { });
        assertEquals(List.of("COMMENT ON TRIGGER \"film_touch\" ON \"film\" IS 'new words'"), sql);
        sql = h.roundTrip(new DropObject(trigger), () -> assertEquals(List.of(),
                h.query("SELECT tgname FROM pg_trigger WHERE tgname = 'film_touch'")));
        assertEquals(List.of("DROP TRIGGER \"film_touch\" ON \"film\""), sql);
    }

    @Test
    void namespaceExtensionDomainCompositeAndMaterializedView() throws Exception {
        String before = h.dumpText();
        Namespace ns = new Namespace("app", "application objects", null);
        h.apply(new CreateObject(ns));
        Extension uuid = new Extension("uuid-ossp", "app", null, null);
        h.apply(new CreateObject(uuid));
        assertEquals("app", h.one("SELECT extnamespace::regnamespace::text FROM pg_extension"
                + " WHERE extname = 'uuid-ossp'"));
        assertEquals("36", h.one("SELECT length(app.uuid_generate_v4()::text)"));

        Domain year = new Domain("app.year", "integer", true, "2000", null,
                List.of(new Check("year_check", "VALUE >= 1901"), new Check("year_max", "VALUE <= 2155", true)),
                "a year", null);
        h.apply(new CreateObject(year));
        assertEquals("true 2000", h.one("SELECT typnotnull || ' ' || typdefault FROM pg_type"
                + " WHERE oid = 'app.year'::regtype"));
        assertEquals(List.of("year_check CHECK ((VALUE >= 1901)) true",
                "year_max CHECK ((VALUE <= 2155)) NOT VALID false"),
                h.query("SELECT conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated"
                        + " FROM pg_constraint WHERE contypid = 'app.year'::regtype ORDER BY conname"));
        Domain looser = new Domain("app.year", "integer", false, null, null,
                List.of(new Check("year_check", "VALUE >= 1800"), new Check("year_max", "VALUE <= 2155")),
                "a year", null);
        h.roundTrip(new AlterObject(looser, year), () -> assertEquals(
                List.of("year_check CHECK ((VALUE >= 1800)) true", "year_max CHECK ((VALUE <= 2155)) true"),
                h.query("SELECT conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated"
                        + " FROM pg_constraint WHERE contypid = 'app.year'::regtype ORDER BY conname")));

        CompositeType point = new CompositeType("app.point2", List.of(new CompositeType.Attribute("x", "integer",
                null), new CompositeType.Attribute("label", "text", "C")), null, null);
        h.apply(new CreateObject(point));
        assertEquals("(1,a)", h.one("SELECT ROW(1, 'a')::app.point2::text"));
        CompositeType point3 = new CompositeType("app.point2", List.of(new CompositeType.Attribute("x", "bigint",
                null), new CompositeType.Attribute("y", "integer", null)), "a point", null);
        h.roundTrip(new AlterObject(point3, point), () -> assertEquals(List.of("x bigint", "y integer"),
                h.query("SELECT attname || ' ' || format_type(atttypid, atttypmod) FROM pg_attribute"
                        + " WHERE attrelid = (SELECT typrelid FROM pg_type WHERE oid = 'app.point2'::regtype)"
                        + " AND NOT attisdropped ORDER BY attnum")));

        h.apply(new CreateTable(Table.of("app.film", List.of(col("id", "integer").notNull(),
                col("year", "native:app.year")), PrimaryKey.of("id"))));
        h.execute("INSERT INTO app.film VALUES (1, 2001), (2, 2002)");
        MaterializedView mv = new MaterializedView("app.film_years", " SELECT film.year,\n    count(*) AS n\n"
                + "   FROM app.film\n  GROUP BY film.year;", false,
                List.of(Index.uniqueOn("film_years_year", "year")), "per year", null);
        h.apply(new CreateObject(mv));
        assertEquals("f", h.one("SELECT ispopulated FROM pg_matviews WHERE matviewname = 'film_years'"));
        assertTrue(h.dumpText().contains("CREATE UNIQUE INDEX film_years_year ON app.film_years USING btree (year)"));
        MaterializedView populated = new MaterializedView(mv.name(), mv.definition(), true, List.of(
                new Index("film_years_n", List.of(new IndexColumn("n", null, true)), false, null)), "per year", null);
        h.roundTrip(new AlterObject(populated, mv), () -> {
            assertEquals("2", h.one("SELECT count(*) FROM app.film_years"));
            assertEquals(List.of("film_years_n"), h.query("SELECT indexname FROM pg_indexes"
                    + " WHERE tablename = 'film_years'"));
        });
        MaterializedView other = new MaterializedView(mv.name(), "SELECT film.id FROM app.film", true, List.of(),
                "ids", null);
        h.roundTrip(new AlterObject(other, mv), () -> assertEquals("ids",
                h.one("SELECT obj_description('app.film_years'::regclass, 'pg_class')")));

        h.apply(new DropObject(mv));
        h.apply(new covet.api.operation.DropTable("app.film", h.state().requireTable("app.film")));
        h.apply(new DropObject(point));
        h.apply(new DropObject(year));
        h.apply(new DropObject(uuid));
        h.apply(new DropObject(ns));
        assertEquals(before, h.dumpText());
        assertFalse(h.dumpText().contains("app"));
    }

    @Test
    void extensionInTheCurrentSchemaAndRunSqlUnaffected() throws Exception {
        List<String> sql = h.roundTrip(new CreateObject(Extension.of("uuid-ossp")),
                () -> assertEquals("36", h.one("SELECT length(uuid_generate_v4()::text)")));
        assertEquals(List.of("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\""), sql);
        h.apply(RunSQL.of("SELECT 1", "SELECT 1"));
    }
}
