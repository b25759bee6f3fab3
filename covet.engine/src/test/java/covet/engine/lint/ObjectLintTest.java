package covet.engine.lint;

import static covet.engine.lint.LinterTest.MYSQL;
import static covet.engine.lint.LinterTest.PLUGIN;
import static covet.engine.lint.LinterTest.POSTGRES;
import static covet.engine.lint.LinterTest.SQLITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Exclusion;
import covet.api.model.MaterializedView;
import covet.api.model.NativeType;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules on named objects, primary keys, partitions and table settings, on the schema model only. */
class ObjectLintTest {
    static final EnumType RATING = EnumType.of("mpaa_rating", "G", "PG", "R");
    static final Sequence FILM_SEQ = Sequence.of("film_film_id_seq").withOwnedBy("film.film_id");
    static final View FILM_LIST = new View("film_list", "SELECT film_id FROM film", null, List.of("table:film"));
    static final View NICE_FILMS = new View("nice_films", "SELECT * FROM film_list", null,
            List.of("view:film_list"));
    static final Partition Q1 = new Partition("payment", "FOR VALUES FROM ('2022-01-01') TO ('2022-04-01')");

    static Schema before() {
        Table film = Table.of("film", List.of(
                Column.of("film_id", "integer").notNull().withDefault("nextval('film_film_id_seq'::regclass)"),
                Column.of("rating", new NativeType("mpaa_rating")),
                Column.of("ratings", new NativeType("mpaa_rating[]"))), PrimaryKey.of("film_id"));
        Table payment = Table.of("payment", List.of(Column.of("id", "integer"), Column.of("paid", "date")), null)
                .withPartitionBy("RANGE (paid)");
        Table q1 = Table.of("payment_q1", List.of(Column.of("id", "integer"), Column.of("paid", "date")), null)
                .withPartitionOf(Q1);
        Table loose = Table.of("loose", List.of(Column.of("id", "integer"), Column.of("paid", "date")), null);
        return new Schema(List.of(film, payment, q1, loose), List.of(RATING, FILM_SEQ, FILM_LIST, NICE_FILMS));
    }

    static List<String> rules(Linter linter, Operation... ops) {
        return linter.lint(new Migration("20260101_000002_change", null, List.of(), List.of(ops)), before())
                .stream().map(Finding::rule).toList();
    }

    static String why(Linter linter, Operation op) {
        return linter.lint(new Migration("m", null, List.of(), List.of(op)), before()).get(0).why();
    }

    @Test
    void droppingATypeAColumnUsesIsAnError() {
        assertEquals(List.of("data-loss/drop-type-in-use"), rules(PLUGIN, new DropObject(RATING)));
        String why = why(POSTGRES, new DropObject(RATING));
        assertTrue(why.contains("film.rating, film.ratings"), why);
        Domain year = new Domain("year", "integer", false, null, null, null, null, null);
        assertEquals(List.of(), rules(POSTGRES, new DropObject(year)), "a type nothing uses loses nothing");
        assertEquals(List.of("data-loss/drop-type-in-use"), rules(POSTGRES,
                new CreateObject(new Domain("rating_d", "mpaa_rating", false, null, null, null, null, null)),
                new DropObject(RATING)), "a domain over the enum uses it too");
    }

    @Test
    void aTypeWhoseColumnsWentFirstOrThatThisMigrationMadeIsNotFlagged() {
        EnumType made = EnumType.of("mood", "ok");
        assertEquals(List.of(), rules(POSTGRES, new CreateObject(made), new DropObject(made)));
    }

    @Test
    void droppingASequenceLosesItsPositionAndFailsWhileADefaultReadsIt() {
        assertEquals(List.of("data-loss/drop-sequence", "dependency/drop-in-use"),
                rules(POSTGRES, new DropObject(FILM_SEQ)));
        Sequence loose = Sequence.of("loose_seq");
        Schema withLoose = before().addObject(loose);
        assertEquals(List.of("data-loss/drop-sequence"), POSTGRES.lint(new Migration("m", null, List.of(),
                List.of(new DropObject(loose))), withLoose).stream().map(Finding::rule).toList());
    }

    @Test
    void droppingOrChangingAVirtualTableLosesItsRows() {
        VirtualTable docs = new VirtualTable("docs", "CREATE VIRTUAL TABLE docs USING fts5(body)", null, null);
        VirtualTable titled = new VirtualTable("docs", "CREATE VIRTUAL TABLE docs USING fts5(title, body)", null,
                null);
        Schema withDocs = before().addObject(docs);
        assertEquals(List.of("data-loss/drop-virtual-table"), POSTGRES.lint(new Migration("m", null, List.of(),
                List.of(new DropObject(docs))), withDocs).stream().map(Finding::rule).toList());
        assertEquals(List.of("data-loss/drop-virtual-table"), POSTGRES.lint(new Migration("m", null, List.of(),
                List.of(new AlterObject(titled, docs))), withDocs).stream().map(Finding::rule).toList());
        assertEquals(List.of(), rules(POSTGRES, new CreateObject(docs), new DropObject(docs)),
                "one made by this migration holds nothing yet");
    }

    @Test
    void removingAnEnumValueWarnsThatTheTypeIsRecreated() {
        AlterObject remove = new AlterObject(EnumType.of("mpaa_rating", "G", "PG"), RATING);
        assertEquals(List.of("rewrite/remove-enum-value"), rules(POSTGRES, remove));
        assertTrue(why(POSTGRES, remove).contains("loses R"), why(POSTGRES, remove));
        assertEquals(List.of(), rules(POSTGRES, new AlterObject(EnumType.of("mpaa_rating", "G", "PG", "R",
                "NC-17"), RATING)), "adding a value is done in place");
        assertEquals(List.of(), rules(POSTGRES, new AlterObject(EnumType.of("mpaa_rating", "G", "PG-13", "R"),
                RATING)), "renaming a value keeps every row: RENAME VALUE");
        AlterObject reorder = new AlterObject(EnumType.of("mpaa_rating", "PG", "G", "R"), RATING);
        assertEquals(List.of("rewrite/remove-enum-value"), rules(POSTGRES, reorder));
        assertTrue(why(POSTGRES, reorder).contains("reorders its values"), why(POSTGRES, reorder));
    }

    @Test
    void replacingOrDroppingAViewOthersRead() {
        View changed = new View("film_list", "SELECT film_id, rating FROM film", null, List.of("table:film"));
        assertEquals(List.of("dependency/alter-view-in-use"), rules(POSTGRES, new AlterObject(changed, FILM_LIST)));
        assertEquals(List.of(), rules(POSTGRES, new AlterObject(FILM_LIST.withComment("c"), FILM_LIST)),
                "a comment does not replace the query");
        assertEquals(List.of("dependency/drop-in-use"), rules(POSTGRES, new DropObject(FILM_LIST)));
        assertEquals(List.of(), rules(POSTGRES, new DropObject(NICE_FILMS), new DropObject(FILM_LIST)),
                "dependents dropped first");
        assertEquals(List.of("dependency/drop-in-use", "data-loss/drop-table"),
                rules(POSTGRES, new DropTable("film", null)));
    }

    @Test
    void materializedViewsRunTheirQueryInTheMigration() {
        MaterializedView totals = new MaterializedView("totals", "SELECT count(*) FROM film", true, null, null,
                List.of("table:film"));
        assertEquals(List.of("lock/materialized-view"), rules(SQLITE, new CreateObject(totals)));
        MaterializedView empty = new MaterializedView("totals", "SELECT count(*) FROM film", false, null, null,
                List.of("table:film"));
        assertEquals(List.of(), rules(POSTGRES, new CreateObject(empty)));
        Table fresh = Table.of("fresh", List.of(Column.of("id", "integer")), null);
        MaterializedView overFresh = new MaterializedView("f", "SELECT * FROM fresh", true, null, null,
                List.of("table:fresh"));
        assertEquals(List.of(), rules(POSTGRES, new CreateTable(fresh), new CreateObject(overFresh)),
                "a table made in this migration holds no rows");
    }

    @Test
    void primaryKeysLockOrRebuildAndFailOnDuplicates() {
        AddPrimaryKey add = new AddPrimaryKey("loose", PrimaryKey.of("id"));
        assertEquals(List.of("existing-rows/add-unique", "lock/create-index"), rules(POSTGRES, add));
        assertEquals(List.of("existing-rows/add-unique", "rewrite/table-rebuild"), rules(MYSQL, add));
        assertEquals(List.of("existing-rows/add-unique", "rewrite/table-rebuild"), rules(SQLITE, add));
        DropPrimaryKey drop = new DropPrimaryKey("film", PrimaryKey.of("film_id"));
        assertEquals(List.of("data-loss/drop-primary-key"), rules(POSTGRES, drop));
        assertEquals(List.of("data-loss/drop-primary-key", "rewrite/table-copy"), rules(MYSQL, drop));
    }

    @Test
    void exclusionsArePostgresIndexes() {
        Exclusion ex = new Exclusion("no_overlap", "EXCLUDE USING gist (paid WITH =)");
        assertEquals(List.of("existing-rows/add-unique", "lock/create-index"),
                rules(POSTGRES, new AddExclusion("loose", ex)));
        Schema withEx = before().updateTable("loose", t -> t.withExclusions(List.of(ex)));
        assertEquals(List.of("data-loss/drop-unique"), POSTGRES.lint(new Migration("m", null, List.of(),
                List.of(new DropExclusion("loose", "no_overlap", ex))), withEx).stream().map(Finding::rule).toList());
    }

    @Test
    void partitions() {
        assertEquals(List.of("data-loss/detach-partition"), rules(POSTGRES, new DetachPartition("payment_q1", Q1)));
        assertEquals(List.of("lock/full-scan"), rules(POSTGRES, new AttachPartition("loose",
                new Partition("payment", "FOR VALUES FROM ('2023-01-01') TO ('2023-04-01')"))));
        assertEquals(List.of(), rules(PLUGIN, new AttachPartition("loose",
                new Partition("payment", "DEFAULT"))));
    }

    @Test
    void postgresRewritesATableThatBecomesLoggedOrUnlogged() {
        assertEquals(List.of("rewrite/table-rebuild"), rules(POSTGRES,
                new AlterTable("loose", null, Map.of("unlogged", "true"), null, Map.of())));
        assertEquals(List.of(), rules(POSTGRES, new AlterTable("loose", "a comment", Map.of(), null, Map.of())));
    }

    @Test
    void mysqlCopiesATableWhoseEngineCollationOrRowFormatChanges() {
        assertEquals(List.of("rewrite/table-rebuild"), rules(MYSQL, new AlterTable("loose", null,
                Map.of("collate", "latin1_swedish_ci"), null, Map.of())));
        assertEquals(List.of("rewrite/table-rebuild"), rules(MYSQL, new AlterTable("loose", null,
                Map.of("engine", "MyISAM", "row_format", "COMPRESSED"), null, Map.of())));
        assertEquals(List.of(), rules(MYSQL, new AlterTable("loose", null, Map.of("stats_persistent", "1"), null,
                Map.of())));
    }

    @Test
    void thePartsOfAChainAreLintedAsTheOneMigrationTheyWereSplitFrom() {
        Table users = Table.of("users", List.of(Column.of("id", "integer")), null);
        Migration whole = new Migration("20260101_000002_initial", null, List.of(), List.of(new CreateTable(users),
                new AddPrimaryKey("users", PrimaryKey.of("id"))));
        List<Migration> chain = covet.engine.MigrationChain.split(whole, 1);
        assertEquals(List.of(), POSTGRES.lintChain(Schema.EMPTY, chain));
        assertEquals(List.of(), POSTGRES.lint(chain, chain.stream().map(Migration::id).toList()));
        // two migrations that are not a chain: the second finds a table that may hold rows by now
        Migration first = new Migration("20260101_000002_users", null, List.of(), List.of(new CreateTable(users)));
        Migration second = new Migration("20260101_000003_key", null, List.of(first.id()),
                List.of(new AddPrimaryKey("users", PrimaryKey.of("id"))));
        assertEquals(List.of("existing-rows/add-unique", "lock/create-index"), POSTGRES.lint(List.of(first, second),
                List.of(first.id(), second.id())).stream().map(Finding::rule).toList());
    }
}
