package covet.engine.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DropColumn;
import covet.api.operation.DropIndex;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunJava;
import covet.api.operation.RunSQL;
import covet.api.spi.Capabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule on the schema model, no database: each case builds the schema before a migration, lints one operation
 * and checks the exact rules found, so a rule that fires too often fails as surely as one that never fires.
 */
class LinterTest {
    static final Capabilities SQLITE_CAPS = new Capabilities(true, true, true, true, true, false);
    static final Capabilities SERVER_CAPS = new Capabilities(true, false, true, true, true, true);
    static final Linter SQLITE = new Linter("sqlite", SQLITE_CAPS);
    static final Linter POSTGRES = new Linter("postgresql", SERVER_CAPS);
    static final Linter MYSQL = new Linter("mysql", new Capabilities(false, false, false, false, true, true));
    static final Linter PLUGIN = new Linter("h2", SERVER_CAPS);

    static Table users() {
        return new Table("users", List.of(Column.of("id", "integer").notNull().withAutoIncrement(true),
                Column.of("email", "varchar(100)").notNull(), Column.of("name", "varchar(50)"),
                Column.of("age", "integer"), Column.of("price", "decimal(10,2)"), Column.of("bio", "text"),
                Column.of("tags", "native:text[]")),
                PrimaryKey.of("id"), List.of(new UniqueConstraint("uq_users_email", List.of("email"))),
                List.of(Index.uniqueOn("ix_users_name", "name"), Index.on("ix_users_age", "age")), null, null, null);
    }

    static Table posts() {
        return Table.of("posts", List.of(Column.of("id", "integer").notNull(), Column.of("user_id", "integer")),
                PrimaryKey.of("id"));
    }

    static final Schema BEFORE = new Schema(List.of(users(), posts()));

    static List<String> rules(Linter linter, Operation... ops) {
        return linter.lint(new Migration("20260101_000002_change", null, List.of(), List.of(ops)), BEFORE)
                .stream().map(Finding::rule).toList();
    }

    static AlterColumn alter(String column, String type) {
        Column before = users().requireColumn(column);
        return new AlterColumn("users", before.withType(covet.api.model.ColumnType.parse(type)), before);
    }

    @Test
    void aSafeMigrationYieldsNothingOnAnyDatabase() {
        Table tags = Table.of("tags", List.of(Column.of("id", "integer").notNull(), Column.of("label", "text")),
                PrimaryKey.of("id"));
        Operation[] safe = {
                new CreateTable(tags),
                new CreateIndex("tags", Index.uniqueOn("ix_tags_label", "label")),
                new AddUniqueConstraint("tags", new UniqueConstraint("uq_tags", List.of("label"))),
                new AddCheck("tags", new Check("ck_tags", "label <> ''")),
                new AddForeignKey("tags", ForeignKey.of("fk_tags_post", "id", "posts", "id")),
                new AddColumn("users", Column.of("nickname", "varchar(30)")),
                new AddColumn("users", Column.of("score", "integer").notNull().withDefault("0")),
                new AlterColumn("users", users().requireColumn("email").withNullable(true),
                        users().requireColumn("email")),
                new RenameColumn("users", "bio", "about"),
                new RenameTable("posts", "articles"),
                new DropIndex("users", "ix_users_age", Index.on("ix_users_age", "age")),
                RunSQL.of("UPDATE users SET age = 0 WHERE age IS NULL", ""),
                new RunJava("app.Backfill", 1, true, false),
                new DropColumn("tags", "label", null),
                new DropTable("tags", tags)};
        for (Linter linter : List.of(POSTGRES, PLUGIN)) {
            assertEquals(List.of(), rules(linter, safe), "a safe migration on " + linter);
        }
        // dropping NOT NULL rebuilds the table on SQLite and MySQL: a warning, never an error
        assertEquals(List.of("rewrite/table-rebuild"), rules(SQLITE, safe));
        assertEquals(List.of("rewrite/table-rebuild"), rules(MYSQL, safe));
        assertEquals(List.of(), LintPolicy.DEFAULT.blocking(MYSQL.lint(new Migration("m", null, List.of(),
                List.of(safe)), BEFORE)));
    }

    @Test
    void dataLossIsAnError() {
        List<Finding> f = SQLITE.lint(new Migration("m1", null, List.of(), List.of(new DropTable("posts", posts()))),
                BEFORE);
        assertEquals(1, f.size());
        assertEquals(new Finding("data-loss/drop-table", Severity.ERROR, "m1", 1, "DropTable", "drop table posts",
                f.get(0).why()), f.get(0));
        assertTrue(f.get(0).why().contains("every row of posts"), f.get(0).why());
        assertTrue(f.get(0).line().startsWith("ERROR data-loss/drop-table m1 op 1 (DropTable: drop table posts): "),
                f.get(0).line());

        assertEquals(List.of("data-loss/drop-column"), rules(POSTGRES, new DropColumn("users", "bio", null)));
        assertEquals(List.of("data-loss/drop-column", "data-loss/drop-primary-key"),
                rules(POSTGRES, new DropColumn("users", "id", null)));
        assertEquals(List.of("data-loss/drop-unique"),
                rules(POSTGRES, new DropUniqueConstraint("users", "uq_users_email", null)));
        assertEquals(List.of("data-loss/drop-unique"), rules(POSTGRES, new DropIndex("users", "ix_users_name", null)));
    }

    @Test
    void narrowingTypesIsDataLossAndWideningIsNot() {
        assertEquals(List.of("data-loss/narrow-type"), rules(PLUGIN, alter("name", "varchar(20)")));
        assertEquals(List.of("data-loss/narrow-type"), rules(PLUGIN, alter("price", "decimal(8,2)")));
        assertEquals(List.of("data-loss/narrow-type"), rules(PLUGIN, alter("price", "decimal(10,1)")));
        assertEquals(List.of("data-loss/narrow-type"), rules(PLUGIN, alter("age", "smallint")));
        assertEquals(List.of("data-loss/narrow-type"), rules(PLUGIN, alter("bio", "varchar(200)")));
        assertEquals(List.of("data-loss/narrow-type"), rules(PLUGIN, alter("bio", "integer")));
        assertEquals(List.of("data-loss/narrow-type"), rules(PLUGIN, alter("age", "varchar(5)")));
        assertEquals(List.of("data-loss/type-change"), rules(PLUGIN, alter("tags", "native:jsonb")));

        assertEquals(List.of(), rules(PLUGIN, alter("name", "varchar(200)")));
        assertEquals(List.of(), rules(PLUGIN, alter("name", "text")));
        assertEquals(List.of(), rules(PLUGIN, alter("age", "bigint")));
        assertEquals(List.of(), rules(PLUGIN, alter("age", "decimal(12,2)")));
        assertEquals(List.of(), rules(PLUGIN, alter("age", "varchar(11)")));
        assertEquals(List.of(), rules(PLUGIN, alter("price", "decimal(12,2)")));
    }

    @Test
    void operationsThatFailOnExistingRows() {
        assertEquals(List.of("existing-rows/add-not-null-column"),
                rules(PLUGIN, new AddColumn("users", Column.of("code", "varchar(10)").notNull())));
        Finding f = POSTGRES.lint(new Migration("m2", null, List.of(), List.of(
                new AddColumn("users", Column.of("code", "varchar(10)").notNull()))), BEFORE).get(0);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(List.of("existing-rows/set-not-null"),
                rules(PLUGIN, new AlterColumn("users", users().requireColumn("age").notNull(), null)));
        assertEquals(List.of("existing-rows/add-unique"),
                rules(PLUGIN, new AddUniqueConstraint("users", new UniqueConstraint("uq_age", List.of("age")))));
        assertEquals(List.of("existing-rows/add-unique"),
                rules(PLUGIN, new CreateIndex("users", Index.uniqueOn("ix_users_bio", "bio"))));
        assertEquals(List.of("existing-rows/add-check"),
                rules(PLUGIN, new AddCheck("users", new Check("ck_age", "age >= 0"))));
        assertEquals(List.of("existing-rows/add-foreign-key"),
                rules(PLUGIN, new AddForeignKey("posts", ForeignKey.of("fk_posts_user", "user_id", "users", "id"))));
    }

    @Test
    void theSameOperationsOnATableMadeInTheSameMigrationAreSafe() {
        Table t = Table.of("fresh", List.of(Column.of("id", "integer").notNull(), Column.of("v", "text")),
                PrimaryKey.of("id"));
        assertEquals(List.of(), rules(POSTGRES, new CreateTable(t), new RenameTable("fresh", "fresh2"),
                new AddColumn("fresh2", Column.of("code", "varchar(10)").notNull()),
                new CreateIndex("fresh2", Index.uniqueOn("ix_fresh_code", "code")),
                new AddCheck("fresh2", new Check("ck_v", "v <> ''")),
                new AlterColumn("fresh2", Column.of("v", "varchar(5)").notNull(), Column.of("v", "text")),
                new DropColumn("fresh2", "v", null), new DropTable("fresh2", null)));
        // a column added in this migration has no values to lose, but the table still has rows
        assertEquals(List.of("existing-rows/set-not-null"), rules(PLUGIN,
                new AddColumn("users", Column.of("nick", "text")),
                new AlterColumn("users", Column.of("nick", "varchar(5)").notNull(), Column.of("nick", "text")),
                new DropColumn("users", "nick", null)));
    }

    @Test
    void postgresqlLocksAndRewrites() {
        assertEquals(List.of("lock/create-index"), rules(POSTGRES, new CreateIndex("users", Index.on("ix_b", "bio"))));
        assertEquals(List.of(), rules(POSTGRES, new CreateIndex("users", Index.on("ix_b", "bio"), true)),
                "CONCURRENTLY is the fix the rule asks for");
        assertEquals(List.of("existing-rows/add-unique", "lock/create-index"),
                rules(POSTGRES, new CreateIndex("users", Index.uniqueOn("ix_b", "bio"))));
        assertEquals(List.of("rewrite/alter-type"), rules(POSTGRES, alter("age", "bigint")));
        assertEquals(List.of("data-loss/narrow-type", "rewrite/alter-type"), rules(POSTGRES, alter("bio", "integer")));
        assertEquals(List.of(), rules(POSTGRES, alter("name", "varchar(80)")), "a longer varchar does not rewrite");
        assertEquals(List.of(), rules(POSTGRES, alter("name", "text")), "varchar to text does not rewrite");
        assertEquals(List.of(), rules(POSTGRES, alter("price", "decimal(14,2)")), "more precision does not rewrite");
        assertEquals(List.of("existing-rows/set-not-null", "lock/full-scan"),
                rules(POSTGRES, new AlterColumn("users", users().requireColumn("age").notNull(), null)));
        assertEquals(List.of("existing-rows/add-foreign-key", "lock/full-scan"),
                rules(POSTGRES, new AddForeignKey("posts", ForeignKey.of("fk_p_u", "user_id", "users", "id"))));
        assertEquals(List.of("rewrite/add-column"),
                rules(POSTGRES, new AddColumn("users", Column.of("token", "uuid").withDefault("gen_random_uuid()"))));
        assertEquals(List.of(), rules(POSTGRES, new AddColumn("users", Column.of("at", "timestamp")
                .withDefault("CURRENT_TIMESTAMP"))), "a non-volatile default is filled without a rewrite");
    }

    @Test
    void mysqlCopiesTheTable() {
        assertEquals(List.of("rewrite/alter-type"), rules(MYSQL, alter("age", "bigint")));
        assertEquals(List.of(), rules(MYSQL, alter("name", "varchar(60)")), "within one length-prefix size: in place");
        assertEquals(List.of("rewrite/alter-type"), rules(MYSQL, alter("name", "varchar(300)")));
        assertEquals(List.of("data-loss/drop-column", "data-loss/drop-primary-key", "rewrite/table-copy"),
                rules(MYSQL, new DropColumn("users", "id", null)));
        assertEquals(List.of("existing-rows/add-foreign-key", "rewrite/table-copy"),
                rules(MYSQL, new AddForeignKey("posts", ForeignKey.of("fk_p_u", "user_id", "users", "id"))));
        assertEquals(List.of("existing-rows/set-not-null", "rewrite/table-rebuild"),
                rules(MYSQL, new AlterColumn("users", users().requireColumn("age").notNull(), null)));
        assertEquals(List.of(), rules(MYSQL, new CreateIndex("users", Index.on("ix_b", "bio"))),
                "InnoDB builds a secondary index online");
    }

    @Test
    void sqliteRebuildsAreWarnings() {
        assertEquals(List.of("data-loss/drop-column", "rewrite/table-rebuild"),
                rules(SQLITE, new DropColumn("users", "bio", null)));
        assertEquals(List.of("rewrite/table-rebuild"), rules(SQLITE, alter("name", "text")));
        assertEquals(List.of("existing-rows/add-foreign-key", "rewrite/table-rebuild"),
                rules(SQLITE, new AddForeignKey("posts", ForeignKey.of("fk_p_u", "user_id", "users", "id"))));
        assertEquals(List.of("existing-rows/add-not-null-column", "rewrite/table-rebuild"),
                rules(SQLITE, new AddColumn("users", Column.of("code", "text").notNull())));
        assertEquals(List.of("rewrite/table-rebuild"),
                rules(SQLITE, new AddColumn("users", Column.of("at", "timestamp").withDefault("CURRENT_TIMESTAMP"))));
        assertEquals(List.of(), rules(SQLITE, new AddColumn("users", Column.of("n", "integer").notNull()
                .withDefault("0"))), "a constant default is added in place");
        assertEquals(List.of(), rules(SQLITE, new CreateIndex("users", Index.on("ix_b", "bio"))));
        Finding f = SQLITE.lint(new Migration("m3", null, List.of(), List.of(alter("name", "text"))), BEFORE).get(0);
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void lintingAListReplaysTheSchemaBeforeEachMigration() {
        Migration create = new Migration("m1", null, List.of(), List.of(new CreateTable(posts())));
        Migration drop = new Migration("m2", null, List.of("m1"), List.of(new DropColumn("posts", "user_id", null)));
        List<Finding> all = POSTGRES.lint(List.of(create, drop), List.of("m1", "m2"));
        assertEquals(List.of("m2 data-loss/drop-column"),
                all.stream().map(x -> x.migrationId() + " " + x.rule()).toList());
        assertEquals(List.of(), POSTGRES.lint(List.of(create, drop), List.of("m1")));
    }

    @Test
    void operationsTheModelCannotFollowDoNotStopTheLinter() {
        Migration m = new Migration("m1", null, List.of(), List.of(RunSQL.of("CREATE TABLE x (id int)", "DROP TABLE x"),
                new AddColumn("x", Column.of("v", "text").notNull()), new DropTable("x", null)));
        assertEquals(List.of("existing-rows/add-not-null-column", "data-loss/drop-table"),
                POSTGRES.lint(m, Schema.EMPTY).stream().map(Finding::rule).toList());
    }
}
