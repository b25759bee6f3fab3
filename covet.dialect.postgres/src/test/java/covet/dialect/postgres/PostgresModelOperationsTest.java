package covet.dialect.postgres;

import static covet.dialect.postgres.SchemaAssertions.assertSameSchema;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.EnumType;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Namespace;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.Schema;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.Operation;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The new operations through the renderer and back through the introspector: after each step forward, and after
 * each reverse, the live schema equals normalize(the replayed model).
 */
class PostgresModelOperationsTest {
    private static PostgresTestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static Column col(String name, String type) {
        return Column.of(name, ColumnType.parse(type));
    }

    private static List<Operation> script() {
        EnumType mood = EnumType.of("mood", "sad", "ok", "happy");
        Sequence ticketSeq = new Sequence("app.ticket_seq", "integer", 100L, 5L, 100L, null, null, false, null,
                "tickets", null);
        Column id = new Column("id", ColumnType.parse("integer"), false, "nextval('app.ticket_seq'::regclass)",
                false, null);
        Column always = new Column("n", ColumnType.parse("bigint"), false, null, true, null, Identity.ALWAYS, null,
                null);
        Table ticket = new Table("app.ticket", List.of(id, always, col("m", "native:mood").withDefault("'ok'"),
                col("price", "integer"), col("qty", "integer"), col("total", "integer").withGenerated("price * qty"),
                col("label", "text").withCollation("C"), col("during", "native:tsrange")), null,
                List.of(new UniqueConstraint("ticket_label_key", List.of("label"), true, false, true)), null, null,
                List.of(new Check("ticket_qty_check", "qty > 0", true)), "tickets", null, null, null,
                Map.of("with", "fillfactor=70"));
        Table payment = Table.of("payment", List.of(col("id", "integer").notNull(), col("paid", "date").notNull()),
                new PrimaryKey(null, List.of("id", "paid"))).withPartitionBy("RANGE (paid)");
        Partition jan = new Partition("payment", "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')");
        Table paymentJan = Table.of("payment_2022_01", List.of(col("id", "integer").notNull(),
                col("paid", "date").notNull()), null).withPartitionOf(jan);
        Table paymentRest = Table.of("payment_rest", List.of(col("id", "integer").notNull(),
                col("paid", "date").notNull()), null);
        Routine touch = new Routine("app.touch()", false, """
                CREATE OR REPLACE FUNCTION app.touch()
                 RETURNS trigger
                 LANGUAGE plpgsql
                AS $function$BEGIN NEW.qty := coalesce(NEW.qty, 1); RETURN NEW; END$function$""", null, null);
        Trigger trigger = new Trigger("app.ticket", "ticket_touch", "CREATE TRIGGER ticket_touch BEFORE INSERT ON"
                + " app.ticket FOR EACH ROW EXECUTE FUNCTION app.touch()", null, null);
        View cheap = new View("app.cheap", "SELECT ticket.id,\n    ticket.price\n   FROM app.ticket\n"
                + "  WHERE (ticket.price < 10)", null, null);
        Index covering = new Index("ticket_price_idx", List.of(new IndexColumn("price", null, true, "last", null),
                new IndexColumn("label", null, false, null, "text_pattern_ops")), false, null, null,
                List.of("qty"), false);
        return List.of(
                new CreateObject(new Namespace("app", "application", null)),
                new CreateObject(mood),
                new CreateObject(ticketSeq),
                new CreateObject(touch),
                new CreateTable(ticket),
                new AlterObject(ticketSeq.withOwnedBy("app.ticket.id"), ticketSeq),
                new CreateObject(trigger),
                new CreateObject(cheap),
                new CreateIndex("app.ticket", covering),
                new AddPrimaryKey("app.ticket", PrimaryKey.of("id")),
                new AddExclusion("app.ticket", new Exclusion("ticket_during_excl",
                        "EXCLUDE USING gist (during WITH &&)")),
                new AlterColumn("app.ticket", always.withIdentity(null), always),
                new AlterColumn("app.ticket", col("label", "text").withCollation("POSIX"),
                        col("label", "text").withCollation("C")),
                new AlterObject(EnumType.of("mood", "sad", "meh", "ok", "happy"), mood),
                new AlterObject(new View("app.cheap", "SELECT ticket.id\n   FROM app.ticket\n"
                        + "  WHERE (ticket.price < 5)", "cheap ones", null), cheap),
                new AlterTable("app.ticket", "all tickets", Map.of("unlogged", "true"), "tickets",
                        Map.of("with", "fillfactor=70")),
                new CreateTable(payment),
                new CreateTable(paymentJan),
                new CreateTable(paymentRest),
                new AttachPartition("payment_rest", new Partition("payment", "DEFAULT")),
                new DetachPartition("payment_2022_01", jan),
                new DropPrimaryKey("payment", new PrimaryKey("payment_pkey", List.of("id", "paid"))),
                new CreateTable(Table.of("buyer", List.of(col("id", "integer").notNull()), PrimaryKey.of("id"))),
                new covet.api.operation.AddForeignKey("payment_2022_01", new ForeignKey("jan_buyer_fk",
                        List.of("id"), "buyer", List.of("id"), null, null, true, true, true)));
    }

    @Test
    void everyStepAndItsReverseReadBackAsTheModel() throws Exception {
        try (Connection c = db.connect()) {
            Migrator m = new Migrator(c, Schema.EMPTY);
            List<Operation> applied = new ArrayList<>();
            for (Operation op : script()) {
                m.apply(op);
                applied.add(op);
                assertSameSchema(PostgresTestDatabase.DIALECT.normalize(m.state()), m.introspect(),
                        "after " + op.describe());
            }
            for (int i = applied.size() - 1; i >= 0; i--) {
                Operation reverse = applied.get(i).reverse().orElseThrow();
                m.apply(reverse);
                assertSameSchema(PostgresTestDatabase.DIALECT.normalize(m.state()), m.introspect(),
                        "after reversing " + applied.get(i).describe() + " with " + reverse.describe());
            }
            Schema end = m.introspect();
            assertTrue(end.tables().isEmpty() && end.objects().isEmpty(), "nothing is left: " + end);
        }
    }
}
