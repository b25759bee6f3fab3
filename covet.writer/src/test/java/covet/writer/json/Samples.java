package covet.writer.json;

import covet.api.migration.Migration;
import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.LogicalType;
import covet.api.model.NativeType;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DropCheck;
import covet.api.operation.DropColumn;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** Every operation kind, with and without its optional parts. */
    static List<Operation> everyOperation() {
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

    static Migration migration(Operation... operations) {
        return new Migration("20261124_120000_sample", "billing", List.of("20261123_090000_init",
                "20261123_100000_more"), Arrays.asList(operations));
    }
}
