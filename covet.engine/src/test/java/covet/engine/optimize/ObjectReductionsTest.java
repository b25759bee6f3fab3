package covet.engine.optimize;

import static covet.engine.optimize.Ops.add;
import static covet.engine.optimize.Ops.col;
import static covet.engine.optimize.Ops.create;
import static covet.engine.optimize.Ops.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Column;
import covet.api.model.EnumType;
import covet.api.model.NativeType;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.View;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules for named objects, primary keys and table settings, and the dependencies the model does not check but
 * the database does (a type before the column that uses it, a sequence before the default that reads it, a table
 * before the view over it): the optimizer never moves a definition ahead of what it needs.
 */
class ObjectReductionsTest {
    private static final EnumType RATING = EnumType.of("rating", "G", "PG");
    private static final EnumType RATING_R = EnumType.of("rating", "G", "PG", "R");
    private static final View FILMS = new View("film_list", "SELECT * FROM films", null, List.of("table:films"));

    private static List<Operation> optimize(Operation... ops) {
        return Optimizer.optimize(List.of(ops));
    }

    @Test
    void anObjectCreatedThenDroppedWasNeverThere() {
        assertEquals(List.of(), optimize(new CreateObject(RATING), new DropObject(RATING)));
    }

    @Test
    void aCreationAbsorbsTheChangeThatFollows() {
        assertEquals(List.of(new CreateObject(RATING_R)),
                optimize(new CreateObject(RATING), new AlterObject(RATING_R, RATING)));
    }

    @Test
    void twoChangesAreOneFromTheFirstPreviousState() {
        EnumType renamed = EnumType.of("rating", "G", "PG", "NC17");
        assertEquals(List.of(new AlterObject(renamed, RATING)),
                optimize(new AlterObject(RATING_R, RATING), new AlterObject(renamed, RATING_R)));
        assertEquals(List.of(), optimize(new AlterObject(RATING_R, RATING), new AlterObject(RATING, RATING_R)));
    }

    @Test
    void aChangeThenADropDropsWhatWasThereBefore() {
        assertEquals(List.of(new DropObject(RATING)),
                optimize(new AlterObject(RATING_R, RATING), new DropObject(RATING_R)));
        // without the previous definition the pair is irreversible; folding it would make it look reversible
        List<Operation> irreversible = List.of(new AlterObject(RATING_R, null), new DropObject(RATING_R));
        assertEquals(irreversible, Optimizer.optimize(irreversible));
    }

    @Test
    void aDropThenACreateIsARebuildAndStays() {
        List<Operation> in = List.of(new DropObject(FILMS), new CreateObject(FILMS));
        assertEquals(in, Optimizer.optimize(in));
    }

    @Test
    void aViewStaysAfterTheTableItReadsAndItsColumns() {
        List<Operation> in = List.of(create("films", "a"), new CreateObject(FILMS), add("films", "b"));
        assertEquals(in, Optimizer.optimize(in));
    }

    @Test
    void anEnumStaysAheadOfTheColumnThatTakesItsType() {
        Column rated = Column.of("rated", new NativeType("rating"));
        // the table commutes with the enum, so it moves after it and takes the change: the enum still comes first
        assertEquals(List.of(new CreateObject(RATING), new CreateTable(table("films").addColumn(rated))),
                optimize(create("films", "rated"), new CreateObject(RATING),
                        new AlterColumn("films", rated, col("rated"))));
        // a table whose own native type may be the enum's stays where it is, and so does the change
        Table tagged = table("films", "rated").addColumn(Column.of("tags", new NativeType("text[]")));
        List<Operation> in = List.of(new CreateTable(tagged), new CreateObject(RATING),
                new AlterColumn("films", rated, col("rated")));
        assertEquals(in, Optimizer.optimize(in));
    }

    @Test
    void aSequenceStaysAheadOfTheDefaultThatReadsIt() {
        Sequence seq = Sequence.of("films_id_seq");
        Table films = Table.of("films", List.of(col("id").withDefault("nextval('films_id_seq'::regclass)")),
                PrimaryKey.of("id"));
        List<Operation> in = List.of(new CreateObject(seq), new CreateTable(films),
                new AlterObject(seq.withOwnedBy("films.id"), seq));
        assertEquals(in, Optimizer.optimize(in));
    }

    @Test
    void nothingMovesPastARoutineWhoseBodyMayReadAnyTable() {
        Routine f = new Routine("film_count()", false, "CREATE OR REPLACE FUNCTION film_count() ...", null, null);
        List<Operation> in = List.of(create("films", "a"), new CreateObject(f), add("films", "b"));
        assertEquals(in, Optimizer.optimize(in));
    }

    @Test
    void unrelatedObjectsLetAColumnFoldIntoItsTable() {
        assertEquals(List.of(new CreateTable(table("films", "a", "b")), new CreateObject(RATING)),
                optimize(create("films", "a"), new CreateObject(RATING), add("films", "b")));
    }

    @Test
    void primaryKeysAndTableSettings() {
        Table noKey = Table.of("films", List.of(col("id")), null);
        assertEquals(List.of(new CreateTable(noKey.withPrimaryKey(PrimaryKey.of("id")))),
                optimize(new CreateTable(noKey), new AddPrimaryKey("films", PrimaryKey.of("id"))));
        assertEquals(List.of(), optimize(new AddPrimaryKey("films", PrimaryKey.of("id")),
                new DropPrimaryKey("films", PrimaryKey.of("id"))));
        AlterTable first = new AlterTable("films", "a", Map.of(), null, Map.of());
        AlterTable second = new AlterTable("films", "b", Map.of("unlogged", "true"), "a", Map.of());
        assertEquals(List.of(new AlterTable("films", "b", Map.of("unlogged", "true"), null, Map.of())),
                optimize(first, second));
        assertEquals(List.of(), optimize(first, new AlterTable("films", null, Map.of(), "a", Map.of())));
    }
}
