package covet.writer.json;

import covet.api.migration.Migration;
import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Event;
import covet.api.model.Exclusion;
import covet.api.model.Extension;
import covet.api.model.ForeignKey;
import covet.api.model.Identity;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.LogicalType;
import covet.api.model.MaterializedView;
import covet.api.model.Namespace;
import covet.api.model.NativeType;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Model values that use every feature the format carries. */
final class Samples {
    private Samples() {
    }

    /** One column of every logical type and a few native ones, with every column attribute in use. */
    static List<Column> everyColumnKind() {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("id", LogicalType.of(TypeKind.BIGINT)).notNull().withAutoIncrement(true));
        for (TypeKind kind : TypeKind.values()) {
            ColumnType type;
            if (kind.takesLength()) {
                type = new LogicalType(kind, 40, null, null);
            } else if (kind.takesPrecision()) {
                type = LogicalType.decimal(12, 2);
            } else {
                type = LogicalType.of(kind);
            }
            columns.add(Column.of("c_" + kind.spelling(), type));
        }
        columns.add(Column.of("c_decimal_p", new LogicalType(TypeKind.DECIMAL, null, 10, null)));
        columns.add(Column.of("tags", new NativeType("text[]")).withDefault("'{}'::text[]"));
        columns.add(Column.of("mood", new NativeType("enum('happy','sad')")).notNull().withDefault("'happy'"));
        columns.add(Column.of("status", "varchar(20)").notNull().withDefault("'draft'")
                .withComment("lifecycle: \"draft\" → published\nsecond line\ttab"));
        columns.add(Column.of("created_at", "timestamptz").notNull().withDefault("CURRENT_TIMESTAMP"));
        columns.add(Column.of("org_id", "integer"));
        columns.add(Column.of("org_region", "char(2)"));
        return columns;
    }

    static Table richTable() {
        return new Table("users", everyColumnKind(), new PrimaryKey("pk_users", List.of("id")),
                List.of(new UniqueConstraint("uq_users_status_org", List.of("status", "org_id"))),
                List.of(Index.on("ix_users_org", "org_id"),
                        new Index("ix_users_lower_status", List.of(IndexColumn.expression("lower(status)"),
                                new IndexColumn("created_at", null, true),
                                new IndexColumn(null, "coalesce(org_id, 0)", true)), true,
                                "status <> 'deleted'")),
                List.of(new ForeignKey("fk_users_org", List.of("org_id", "org_region"), "orgs",
                                List.of("id", "region"), ReferentialAction.CASCADE, ReferentialAction.SET_NULL),
                        ForeignKey.of("fk_users_org2", "org_id", "orgs", "id")
                                .onDelete(ReferentialAction.RESTRICT).onUpdate(ReferentialAction.SET_DEFAULT)),
                List.of(new Check("ck_users_status", "length(status) > 0")),
                "people who sign in");
    }

    static Table plainTable() {
        return Table.of("orgs", List.of(Column.of("id", "integer").notNull(), Column.of("region", "char(2)")),
                PrimaryKey.of("id", "region"));
    }

    /** Every operation kind, with and without its optional parts: format 1's, then format 2's. */
    static List<Operation> everyOperation() {
        List<Operation> all = new ArrayList<>(format1Operations());
        all.addAll(format2Operations());
        return all;
    }

    /** Every operation format 1 had, using only format 1 fields. */
    static List<Operation> format1Operations() {
        Table rich = richTable();
        Column bio = Column.of("bio", "text").withDefault("''").withComment("about me");
        Index index = rich.indexes().get(1);
        ForeignKey fk = rich.foreignKeys().get(0);
        UniqueConstraint uq = rich.uniques().get(0);
        Check ck = rich.checks().get(0);
        return List.of(
                new CreateTable(plainTable()),
                new CreateTable(rich),
                new CreateTable(Table.of("log", List.of(Column.of("message", "text")), null)),
                new DropTable("orgs", null),
                new DropTable("users", rich),
                new AddColumn("users", bio),
                new DropColumn("users", "bio", null),
                new DropColumn("users", "bio", bio),
                new AlterColumn("users", bio.withType(ColumnType.parse("varchar(500)")).notNull(), null),
                new AlterColumn("users", bio.withType(ColumnType.parse("varchar(500)")).notNull(), bio),
                new RenameTable("users", "people"),
                new RenameColumn("people", "bio", "about"),
                new CreateIndex("people", index),
                new DropIndex("people", index.name(), null),
                new DropIndex("people", index.name(), index),
                new CreateIndex("people", index, true),
                new DropIndex("people", index.name(), index, true),
                new AddForeignKey("people", fk),
                new DropForeignKey("people", fk.name(), null),
                new DropForeignKey("people", fk.name(), fk),
                new AddUniqueConstraint("people", uq),
                new DropUniqueConstraint("people", uq.name(), null),
                new DropUniqueConstraint("people", uq.name(), uq),
                new AddCheck("people", ck),
                new DropCheck("people", ck.name(), null),
                new DropCheck("people", ck.name(), ck),
                new RunSQL(List.of("UPDATE people SET about = 'x' WHERE about IS NULL",
                        "INSERT INTO audit(note) VALUES ('it''s done')"), null),
                new RunSQL(List.of("CREATE VIEW v AS SELECT 1"), List.of("DROP VIEW v")),
                new RunSQL(List.of("SELECT 1"), List.of()),
                new RunSQL(List.of(), null),
                new covet.api.operation.RunJava("app.migrations.Backfill", 3, true, false),
                new covet.api.operation.RunJava("app.migrations.Once", 1, false, false));
    }

    /** A table that uses every field format 2 added to the table vocabulary. */
    static Table format2Table() {
        Column id = Column.of("id", "bigint").notNull().withAutoIncrement(true).withIdentity(Identity.ALWAYS);
        Column total = Column.of("total", "decimal(12,2)").withGenerated("(price * quantity)");
        Column title = Column.of("title", "text").withCollation("\"C\"");
        return new Table("orders", List.of(id, Column.of("price", "decimal(10,2)"), Column.of("quantity", "integer"),
                total, title, Column.of("during", "native:tstzrange"), Column.of("customer_id", "integer"),
                Column.of("doc", "native:tsvector")),
                PrimaryKey.of("id").withComment("one per order"),
                List.of(new UniqueConstraint("uq_orders_title", List.of("title"), true, true, true, "one title")),
                List.of(new Index("ix_orders_doc", List.of(IndexColumn.of("doc")), false, null, "gin", null, false,
                                "full text"),
                        new Index("ix_orders_title", List.of(new IndexColumn("title", null, true, "last",
                                "text_pattern_ops"), new IndexColumn(null, "lower(title)", false, "first", null)),
                                true, null, null, List.of("price", "quantity"), true)),
                List.of(ForeignKey.of("fk_orders_customer", "customer_id", "customers", "id").withTiming(true, false)
                        .withNotValid(true).onDelete(ReferentialAction.SET_NULL)
                        .withOnDeleteSetColumns(List.of("customer_id")).withComment("who ordered")),
                List.of(new Check("ck_orders_quantity", "quantity > 0", true, "no empty orders")),
                null,
                List.of(new Exclusion("ex_orders_during", "EXCLUDE USING gist (during WITH &&)", "no overlap")),
                "RANGE (id)", null, Map.of("with", "fillfactor=70", "unlogged", "true"));
    }

    static Table partition() {
        return new Table("orders_1", List.of(), null, null, null, null, null, null, null, null,
                new Partition("orders", "FOR VALUES FROM (1) TO (1000)"), null);
    }

    /** One object of every kind, each with every field it has in use (or, for some, none). */
    static List<SchemaObject> everyObject() {
        Index mvIndex = Index.uniqueOn("ix_sales_by_day", "day");
        return List.of(
                new Namespace("reporting", "reports live here", List.of()),
                new Extension("pg_trgm", "public", null, List.of("namespace:reporting")),
                Extension.of("uuid-ossp"),
                new EnumType("mpaa_rating", List.of("G", "PG", "PG-13", "R", "NC-17"), "film rating", null),
                EnumType.of("empty_enum"),
                new CompositeType("address", List.of(new CompositeType.Attribute("street", "text", null),
                        new CompositeType.Attribute("city", "text", "\"C\"")), null, null),
                new Domain("year", "integer", true, "2000", null, List.of(new Check("year_check",
                        "VALUE >= 1901 AND VALUE <= 2155", false)), "a year", List.of("namespace:reporting")),
                new Domain("bare", "text", false, null, "\"C\"", null, null, null),
                new Sequence("film_film_id_seq", "bigint", 1L, 1L, 1L, Long.MAX_VALUE, 1L, true, "film.film_id",
                        null, List.of("table:film")),
                Sequence.of("plain_seq"),
                new Routine("last_day(timestamp with time zone)", false, "CREATE OR REPLACE FUNCTION"
                        + " public.last_day(timestamp with time zone)\n RETURNS date\n LANGUAGE sql\nAS $function$"
                        + "\n  SELECT 1\n$function$\n", null, null),
                new Routine("reset_counts(integer)", true, "CREATE OR REPLACE PROCEDURE public.reset_counts(integer)"
                        + " LANGUAGE sql AS $$ SELECT 1 $$", "resets", null),
                new View("actor_info", " SELECT a.actor_id\n   FROM actor a;", null, List.of("table:actor")),
                new MaterializedView("sales_by_day", " SELECT 1 AS day;", false, List.of(mvIndex), null, null),
                new MaterializedView("plain_mv", " SELECT 1;", true, null, null, null),
                new Trigger("film", "film_fulltext_trigger", "CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR"
                        + " UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger()", null,
                        List.of("table:film")),
                new VirtualTable("docs_fts", "CREATE VIRTUAL TABLE docs_fts USING fts5(title, body)", null, null),
                new Event("purge_sessions", "CREATE EVENT purge_sessions ON SCHEDULE EVERY 1 DAY DO DELETE FROM"
                        + " sessions WHERE expires < NOW()", "nightly", List.of("table:sessions")));
    }

    /** Every operation format 2 added, with and without its optional parts. */
    static List<Operation> format2Operations() {
        List<Operation> ops = new ArrayList<>();
        ops.add(new CreateTable(format2Table()));
        ops.add(new CreateTable(partition()));
        ops.add(new AddColumn("orders", Column.of("code", "integer").withAutoIncrement(true)
                .withIdentity(Identity.BY_DEFAULT)));
        ops.add(new AddPrimaryKey("orders", new PrimaryKey("orders_pkey", List.of("id"))));
        ops.add(new DropPrimaryKey("orders", null));
        ops.add(new DropPrimaryKey("orders", PrimaryKey.of("id")));
        Exclusion ex = format2Table().exclusions().get(0);
        ops.add(new AddExclusion("orders", ex));
        ops.add(new DropExclusion("orders", ex.name(), null));
        ops.add(new DropExclusion("orders", ex.name(), ex));
        ops.add(new AlterTable("orders", "all orders", Map.of("unlogged", "true", "with", "fillfactor=70"), null,
                Map.of()));
        ops.add(new AlterTable("orders", null, Map.of(), "all orders", null));
        ops.add(new covet.api.operation.AlterComment("orders", covet.api.operation.AlterComment.Target.INDEX,
                "ix_orders_doc", "searched", "full text"));
        ops.add(new covet.api.operation.AlterComment("orders",
                covet.api.operation.AlterComment.Target.PRIMARY_KEY, null, null, "one per order"));
        ops.add(new covet.api.operation.AlterComment("orders", covet.api.operation.AlterComment.Target.CONSTRAINT,
                "fk_orders_customer", "who", null));
        ops.add(new AttachPartition("orders_1", new Partition("orders", "DEFAULT")));
        ops.add(new DetachPartition("orders_1", new Partition("orders", "FOR VALUES FROM (1) TO (1000)")));
        for (SchemaObject o : everyObject()) {
            ops.add(new CreateObject(o));
            ops.add(new DropObject(o));
        }
        EnumType rating = EnumType.of("mpaa_rating", "G", "PG");
        ops.add(new AlterObject(EnumType.of("mpaa_rating", "G", "PG", "R"), rating));
        ops.add(new AlterObject(rating.withComment("film rating"), null));
        ops.add(new AlterObject(Sequence.of("plain_seq").withOwnedBy("t.id"), Sequence.of("plain_seq")));
        return ops;
    }

    static Migration migration(Operation... operations) {
        return new Migration("20261124_120000_sample", "billing", List.of("20261123_090000_init",
                "20261123_100000_more"), Arrays.asList(operations));
    }
}
