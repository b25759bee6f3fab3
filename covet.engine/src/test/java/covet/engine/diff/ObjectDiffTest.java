package covet.engine.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Extension;
import covet.api.model.Index;
import covet.api.model.MaterializedView;
import covet.api.model.Namespace;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DropColumn;
import covet.api.operation.DropObject;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.engine.questioner.Questioner;
import covet.engine.questioner.RenameFlags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectDiffTest {
    private static final Autodetector PLAIN = new Autodetector(s -> s, Questioner.NO_RENAMES);

    private static final Namespace APP = Namespace.of("app");
    private static final Extension CRYPTO = Extension.of("pgcrypto");
    private static final EnumType MOOD = new EnumType("mood", List.of("happy", "sad"), null, List.of());
    private static final Domain POSINT = new Domain("posint", "integer", false, null, null,
            List.of(new Check("posint_check", "VALUE > 0")), null, List.of());
    private static final Sequence FILM_SEQ = new Sequence("film_film_id_seq", "integer", null, null, null, null,
            null, false, "film.film_id", null, List.of("table:film"));
    private static final Routine TOUCH = new Routine("touch()", false,
            "CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
            null, List.of());
    private static final Routine REWARDS = new Routine("rewards(integer)", false,
            "CREATE OR REPLACE FUNCTION public.rewards(n integer) RETURNS SETOF film LANGUAGE sql AS $$ SELECT 1 $$",
            null, List.of("table:film"));
    private static final View FILM_LIST = new View("film_list", "SELECT film.film_id FROM film", null,
            List.of("table:film"));
    /** Named so that it sorts before the view it reads. */
    private static final View REPORT = new View("a_report", "SELECT film_list.film_id FROM film_list", null,
            List.of("view:film_list"));
    private static final MaterializedView STATS = new MaterializedView("film_stats",
            "SELECT count(*) AS n FROM film", true, List.of(), null, List.of("table:film"));
    private static final Trigger TOUCH_FILM = new Trigger("film", "touch",
            "CREATE TRIGGER touch BEFORE UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION touch()", null,
            List.of("table:film", "function:touch()"));

    private static Table film() {
        return Table.of("film", List.of(Column.of("film_id", "integer").notNull()
                        .withDefault("nextval('film_film_id_seq'::regclass)"),
                Column.of("rating", "native:mood"), Column.of("length", "native:posint"),
                Column.of("title", "varchar(100)")), PrimaryKey.of("film_id"));
    }

    private static Schema pagilaLike() {
        return new Schema(List.of(film()), List.of(TOUCH_FILM, REPORT, STATS, FILM_LIST, REWARDS, TOUCH, FILM_SEQ,
                POSINT, MOOD, CRYPTO, APP));
    }

    private static Schema with(Schema s, SchemaObject... replacements) {
        List<SchemaObject> objects = new ArrayList<>(s.objects());
        for (SchemaObject r : replacements) {
            objects.replaceAll(o -> o.key().equals(r.key()) ? r : o);
        }
        return s.withObjects(objects);
    }

    /** Diffs, applies forwards and backwards with the model's checks, and returns the operations. */
    static List<Operation> diff(Autodetector a, Schema from, Schema to) {
        List<Operation> ops = a.diff(from, to);
        ModelChecks.assertSameSchema(to, ModelChecks.apply(from, ops), "the diff gives the wanted schema");
        ModelChecks.assertSameSchema(from, ModelChecks.apply(to, ModelChecks.reverse(ops)),
                "its reverse gives the schema back");
        assertTrue(a.diff(ModelChecks.apply(from, ops), to).isEmpty(), "nothing left to do");
        return ops;
    }

    private static List<String> describe(List<Operation> ops) {
        return ops.stream().map(Operation::describe).toList();
    }

    @Test
    void everythingIsCreatedInDependencyOrderAndDroppedInReverse() {
        List<Operation> up = diff(PLAIN, Schema.EMPTY, pagilaLike());
        assertEquals(List.of("create namespace app", "create extension pgcrypto", "create enum mood",
                "create domain posint", "create sequence film_film_id_seq", "create function touch()",
                "create table film", "alter sequence film_film_id_seq", "create function rewards(integer)",
                "create view film_list", "create view a_report", "create materialized view film_stats",
                "create trigger film.touch"), describe(up));
        assertEquals(new CreateObject(FILM_SEQ.withOwnedBy(null)), up.get(4), "created without its owner");
        assertEquals(new AlterObject(FILM_SEQ, FILM_SEQ.withOwnedBy(null)), up.get(7), "owned once the table is");

        List<Operation> down = diff(PLAIN, pagilaLike(), Schema.EMPTY);
        assertEquals(List.of("drop trigger film.touch", "drop materialized view film_stats", "drop view a_report",
                "drop view film_list", "drop function rewards(integer)", "alter sequence film_film_id_seq",
                "drop table film", "drop function touch()", "drop sequence film_film_id_seq", "drop domain posint",
                "drop enum mood", "drop extension pgcrypto", "drop namespace app"), describe(down));
        assertEquals(new AlterObject(FILM_SEQ.withOwnedBy(null), FILM_SEQ), down.get(5), "freed before the drop");
        assertEquals(new DropObject(FILM_SEQ.withOwnedBy(null)), down.get(8));
    }

    @Test
    void dependenciesAreNotCompared() {
        Schema moved = with(pagilaLike(), FILM_LIST.withDependsOn(List.of()), MOOD.withDependsOn(List.of("x:y")));
        assertTrue(PLAIN.diff(pagilaLike(), moved).isEmpty());
    }

    @Test
    void inPlaceChangesAreOneAlterationEach() {
        EnumType added = new EnumType("mood", List.of("happy", "ok", "sad"), null, List.of());
        EnumType renamed = new EnumType("mood", List.of("glad", "sad"), null, List.of());
        EnumType removed = new EnumType("mood", List.of("happy"), null, List.of());
        for (EnumType changed : List.of(added, renamed, removed)) {
            assertEquals(List.of(new AlterObject(changed, MOOD)),
                    withoutViews(diff(PLAIN, pagilaLike(), with(pagilaLike(), changed))));
        }
        assertTrue(new AlterObject(removed, MOOD).removesEnumValue());

        List<SchemaObject> changes = List.of(APP.withComment("the app"), CRYPTO.withComment("hashes"),
                new Domain("posint", "integer", true, "1", null, List.of(), null, List.of()),
                new Sequence("film_film_id_seq", "integer", 100L, 2L, null, null, 10L, false, "film.film_id", null,
                        List.of()),
                new View("film_list", "SELECT film.film_id, film.title FROM film", null, List.of("table:film")),
                new Routine("touch()", false, TOUCH.definition().replace("RETURN NEW", "RETURN OLD"), null,
                        List.of()),
                new Trigger("film", "touch", TOUCH_FILM.definition().replace("UPDATE", "INSERT OR UPDATE"), null,
                        List.of()),
                new MaterializedView("film_stats", STATS.definition(), false,
                        List.of(Index.on("film_stats_n", "n")), "counts", List.of()),
                REPORT.withComment("for the boss"));
        for (SchemaObject changed : changes) {
            SchemaObject before = pagilaLike().object(changed.key()).orElseThrow();
            assertEquals(List.of(new AlterObject(changed, before)),
                    diff(PLAIN, pagilaLike(), with(pagilaLike(), changed)), changed.describe());
        }
        CompositeType pair = new CompositeType("pair", List.of(new CompositeType.Attribute("a", "integer", null)),
                null, null);
        CompositeType wider = new CompositeType("pair", List.of(new CompositeType.Attribute("a", "integer", null),
                new CompositeType.Attribute("b", "text", null)), null, null);
        assertEquals(List.of(new AlterObject(wider, pair)),
                diff(PLAIN, new Schema(List.of(), List.of(pair)), new Schema(List.of(), List.of(wider))));
    }

    @Test
    void anExtensionMovedToAnotherSchemaIsDroppedAndCreated() {
        Extension moved = new Extension("pgcrypto", "app", null, List.of("namespace:app"));
        List<Operation> ops = diff(PLAIN, pagilaLike(), with(pagilaLike(), moved));
        assertEquals(List.of(new DropObject(CRYPTO), new CreateObject(moved)), ops);
    }

    @Test
    void sequenceOwnershipFollowsItsColumns() {
        Sequence free = FILM_SEQ.withOwnedBy(null);
        assertEquals(List.of(new AlterObject(free, FILM_SEQ)),
                diff(PLAIN, pagilaLike(), with(pagilaLike(), free)), "an owner given up is one alteration");
        assertEquals(List.of(new AlterObject(FILM_SEQ, free)),
                diff(PLAIN, with(pagilaLike(), free), pagilaLike()));

        // the owner column goes: the sequence is freed before the column is dropped, and stays
        Table noId = film().withColumns(film().columns().subList(1, 4)).withPrimaryKey(null);
        Schema dropped = new Schema(List.of(noId), with(pagilaLike(), free).objects());
        List<Operation> ops = diff(PLAIN, pagilaLike(), dropped);
        assertTrue(ops.contains(new AlterObject(free, FILM_SEQ)), ops.toString());
        assertTrue(ops.indexOf(new AlterObject(free, FILM_SEQ))
                < ops.indexOf(new DropColumn("film", "film_id", film().columns().get(0))), ops.toString());

        // a new owner column: owned once it is added
        Table withSerial = film().addColumn(Column.of("serial_no", "integer"));
        Sequence owned = free.withOwnedBy("film.serial_no");
        Schema moved = new Schema(List.of(withSerial), with(pagilaLike(), owned).objects());
        List<Operation> move = diff(PLAIN, pagilaLike(), moved);
        assertEquals(new AlterObject(owned, FILM_SEQ), move.get(move.size() - 1), move.toString());
    }

    @Test
    void aViewOverAReshapedColumnIsDroppedAndCreatedAround() {
        Table longer = film().withColumns(film().columns().stream()
                .map(c -> c.name().equals("title") ? Column.of("title", "varchar(200)") : c).toList());
        View newList = new View("film_list", "SELECT film.film_id, film.title FROM film", null,
                List.of("table:film"));
        Schema to = with(new Schema(List.of(longer), pagilaLike().objects()), newList);
        List<Operation> ops = diff(PLAIN, pagilaLike(), to);
        assertEquals(List.of("drop materialized view film_stats", "drop view a_report", "drop view film_list",
                "alter column film.title", "create view film_list", "create view a_report",
                "create materialized view film_stats"), describe(ops));
        assertEquals(new CreateObject(newList), ops.get(4), "the wanted definition is the one created");
        assertEquals(new DropObject(FILM_LIST), ops.get(2));

        Table shorter = film().withColumns(film().columns().subList(0, 3));
        assertEquals(List.of("drop materialized view film_stats", "drop view a_report", "drop view film_list",
                        "drop column film.title", "create view film_list", "create view a_report",
                        "create materialized view film_stats"),
                describe(diff(PLAIN, pagilaLike(), new Schema(List.of(shorter), pagilaLike().objects()))));

        Table defaulted = film().withColumns(film().columns().stream()
                .map(c -> c.name().equals("title") ? c.withDefault("'untitled'") : c).toList());
        assertEquals(List.of("alter column film.title"),
                describe(diff(PLAIN, pagilaLike(), new Schema(List.of(defaulted), pagilaLike().objects()))),
                "a new default does not disturb the views");
    }

    @Test
    void aViewOverARenamedColumnOrTableIsDroppedBeforeTheRename() {
        Table renamedColumn = film().renameColumn("title", "name");
        Autodetector columns = new Autodetector(s -> s, new RenameFlags(List.of("film.title=film.name"),
                Questioner.NO_RENAMES));
        List<Operation> ops = diff(columns, pagilaLike(), new Schema(List.of(renamedColumn),
                pagilaLike().objects()));
        assertEquals(new RenameColumn("film", "title", "name"), ops.get(3), describe(ops).toString());
        assertEquals(List.of("drop materialized view film_stats", "drop view a_report", "drop view film_list"),
                describe(ops.subList(0, 3)));

        Schema small = new Schema(List.of(film()), List.of(FILM_LIST, TOUCH, TOUCH_FILM));
        View movieList = new View("film_list", "SELECT movie.film_id FROM movie", null, List.of("table:movie"));
        Trigger movieTouch = new Trigger("movie", "touch", TOUCH_FILM.definition().replace("film", "movie"),
                null, List.of("table:movie", "function:touch()"));
        Schema renamed = new Schema(List.of(film().withName("movie")), List.of(movieList, TOUCH, movieTouch));
        Autodetector tables = new Autodetector(s -> s, new RenameFlags(List.of("film=movie"), Questioner.NO_RENAMES));
        List<Operation> rename = diff(tables, small, renamed);
        assertEquals(List.of("drop trigger film.touch", "drop view film_list", "rename table film to movie",
                "create view film_list", "create trigger movie.touch"), describe(rename));
        assertEquals(new DropObject(TOUCH_FILM), rename.get(0), "the trigger as it was, on the old name");
    }

    @Test
    void triggersOfADroppedTableAreDroppedFirst() {
        Schema before = new Schema(List.of(film()), List.of(TOUCH, TOUCH_FILM));
        Schema after = new Schema(List.of(), List.of(TOUCH));
        List<Operation> ops = diff(PLAIN, before, after);
        assertEquals(List.of(new DropObject(TOUCH_FILM), new DropTable("film", film())), ops);
    }

    @Test
    void routinesThatNeedANewTableComeAfterIt() {
        List<Operation> up = diff(PLAIN, Schema.EMPTY, new Schema(List.of(film().withColumns(List.of(
                Column.of("film_id", "integer").notNull()))), List.of(REWARDS, TOUCH)));
        assertEquals(List.of("create function touch()", "create table film", "create function rewards(integer)"),
                describe(up));
        List<Operation> down = diff(PLAIN, new Schema(List.of(film().withColumns(List.of(
                Column.of("film_id", "integer").notNull()))), List.of(REWARDS, TOUCH)), Schema.EMPTY);
        assertEquals(List.of("drop function rewards(integer)", "drop table film", "drop function touch()"),
                describe(down));
        assertTrue(up.get(1) instanceof CreateTable);
    }

    @Test
    void aNewEnumValueIsThereBeforeAColumnUsesIt() {
        EnumType added = new EnumType("mood", List.of("happy", "ok", "sad"), null, List.of());
        Table defaulted = film().withColumns(film().columns().stream()
                .map(c -> c.name().equals("rating") ? c.withDefault("'ok'::mood") : c).toList());
        List<Operation> ops = diff(PLAIN, pagilaLike(),
                new Schema(List.of(defaulted), with(pagilaLike(), added).objects()));
        assertEquals(List.of(new AlterObject(added, MOOD), new AlterColumn("film",
                defaulted.requireColumn("rating"), film().requireColumn("rating"))), withoutViews(ops));
    }

    /**
     * The operations other than the drop and create of views: views over a column of an enum whose change
     * re-creates the type in either direction are dropped and created around it (Autodetector).
     */
    private static List<Operation> withoutViews(List<Operation> ops) {
        return ops.stream().filter(op -> !(op instanceof DropObject d && isView(d.object()))
                && !(op instanceof CreateObject c && isView(c.object()))).toList();
    }

    private static boolean isView(SchemaObject o) {
        return o instanceof covet.api.model.View || o instanceof covet.api.model.MaterializedView;
    }

    @Test
    void aRenamedTableKeepsItsOwnedSequence() {
        Table movie = film().withName("movie");
        Sequence movieSeq = FILM_SEQ.withOwnedBy("movie.film_id");
        Autodetector tables = new Autodetector(s -> s, new RenameFlags(List.of("film=movie"), Questioner.NO_RENAMES));
        assertEquals(List.of(new RenameTable("film", "movie")), diff(tables,
                new Schema(List.of(film()), List.of(FILM_SEQ)), new Schema(List.of(movie), List.of(movieSeq))));
    }
}
