package covet.dialect.postgres;

import static covet.dialect.postgres.SchemaAssertions.assertSameSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.Namespace;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every operation applied forward, then every reverse in reverse order; after each step the live schema equals
 * normalize(the replayed model), and rows inserted early survive the changes that must keep them.
 */
class PostgresOperationsTest {
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
        return Column.of(name, type);
    }

    private static Table authors() {
        return new Table("authors", List.of(
                new Column("id", ColumnType.parse("bigint"), false, null, true, null),
                col("name", "varchar(100)").notNull(),
                col("email", "varchar(200)"),
                new Column("created", ColumnType.parse("timestamptz"), false, "CURRENT_TIMESTAMP", false, null)),
                PrimaryKey.of("id"), List.of(new UniqueConstraint("authors_email_key", List.of("email"))),
                null, null, List.of(new Check("authors_name_check", "char_length(name::text) > 0")), "writers");
    }

    private static Table books() {
        return new Table("books", List.of(
                new Column("id", ColumnType.parse("integer"), false, null, true, null),
                col("author_id", "bigint").notNull(),
                col("title", "text").notNull(),
                new Column("price", ColumnType.parse("decimal(10,2)"), true, "0", false, null),
                col("tags", "native:text[]"),
                col("data", "json")),
                PrimaryKey.of("id"), null, List.of(Index.on("books_author_idx", "author_id")),
                List.of(ForeignKey.of("books_author_fk", "author_id", "authors", "id")
                        .onDelete(ReferentialAction.CASCADE)), null, null);
    }

    private static final Column PAGES = new Column("pages", ColumnType.parse("integer"), false, "0", false, "pages");

    /** The forward script; rows are inserted after the first two operations. */
    private static List<Operation> script() {
        Column title = col("title", "text").notNull();
        Column newTitle = new Column("title", ColumnType.parse("varchar(300)"), true, "'untitled'", false, "name");
        Column pagesBig = new Column("pages", ColumnType.parse("bigint"), false, "0", false, "pages");
        Column tagId = new Column("id", ColumnType.parse("integer"), false, null, false, null);
        Table tags = Table.of("tags", List.of(tagId, col("label", "text")), PrimaryKey.of("id"));
        Table orders = Table.of("sales.orders", List.of(
                new Column("id", ColumnType.parse("bigint"), false, null, true, null),
                col("author_id", "bigint")), new PrimaryKey(null, List.of("id")))
                .withForeignKeys(List.of(ForeignKey.of("orders_author_fk", "author_id", "authors", "id")));
        Index partial = new Index("volumes_priced_idx", List.of(IndexColumn.of("title")), true,
                "price > 0::numeric");
        Index expression = new Index("volumes_lower_idx", List.of(IndexColumn.expression("lower(title::text)"),
                new IndexColumn("price", null, true)), false, null);
        ForeignKey reviewFk = ForeignKey.of("reviews_volume_fk", "volume_id", "volumes", "id")
                .onDelete(ReferentialAction.SET_NULL).onUpdate(ReferentialAction.CASCADE);
        Table reviews = Table.of("reviews", List.of(col("id", "integer").notNull(), col("volume_id", "integer")),
                PrimaryKey.of("id"));
        Check priceCheck = new Check("volumes_price_check", "price >= 0::numeric");
        UniqueConstraint titleAuthor = new UniqueConstraint("volumes_title_author_key",
                List.of("title", "author_id"));
        return List.of(
                new CreateTable(authors()),
                new CreateTable(books()),
                new AddColumn("books", col("isbn", "varchar(20)")),
                new AddColumn("books", PAGES),
                new AlterColumn("books", newTitle, title),
                new AlterColumn("books", pagesBig, PAGES),
                new AlterColumn("authors", col("email", "varchar(200)").notNull().withComment("mail"),
                        col("email", "varchar(200)")),
                new CreateTable(tags),
                RunSQL.of("INSERT INTO tags (id, label) VALUES (1, 'a'), (7, 'b')", "DELETE FROM tags"),
                new AlterColumn("tags", tagId.withAutoIncrement(true), tagId),
                new RenameColumn("books", "isbn", "isbn13"),
                new RenameTable("books", "volumes"),
                new CreateIndex("volumes", partial),
                new CreateIndex("volumes", expression),
                new DropIndex("volumes", "books_author_idx", Index.on("books_author_idx", "author_id")),
                new CreateTable(reviews),
                new AddForeignKey("reviews", reviewFk),
                new DropForeignKey("volumes", "books_author_fk", books().foreignKeys().get(0)),
                new AddUniqueConstraint("volumes", titleAuthor),
                new DropUniqueConstraint("authors", "authors_email_key", authors().uniques().get(0)),
                new AddCheck("volumes", priceCheck),
                new DropCheck("authors", "authors_name_check", authors().checks().get(0)),
                new DropColumn("volumes", "data", col("data", "json")),
                // a schema is an object of its own, created before its tables
                new CreateObject(Namespace.of("sales")),
                new CreateTable(orders),
                new RenameTable("sales.orders", "sales.purchases"),
                new CreateObject(new View("author_names", "SELECT authors.name\n   FROM authors", null, null)),
                RunSQL.of("CREATE TEMPORARY TABLE scratch (id int)", "DROP TABLE IF EXISTS scratch"),
                new DropTable("reviews", null));
    }

    @Test
    void everyOperationForwardAndReverseKeepsRows() throws Exception {
        List<Operation> script = new ArrayList<>(script());
        try (Connection c = db.connect()) {
            Migrator m = new Migrator(c, Schema.EMPTY);
            List<Operation> applied = new ArrayList<>();
            for (Operation op : script) {
                if (op instanceof DropTable && ((DropTable) op).definition() == null) {
                    String name = ((DropTable) op).name();
                    op = new DropTable(name, m.state().requireTable(name));
                }
                m.apply(op);
                applied.add(op);
                assertSameSchema(PostgresTestDatabase.DIALECT.normalize(m.state()), m.introspect(),
                        "after " + op.describe());
                if (applied.size() == 2) {
                    insertRows(c);
                }
            }
            assertRowsKept(c, "volumes", "bigint");
            assertEquals(8L, nextTagId(c), "identity added to tags.id starts after the existing ids");

            for (int i = applied.size() - 1; i >= 0; i--) {
                Operation reverse = applied.get(i).reverse().orElseThrow();
                m.apply(reverse);
                assertSameSchema(PostgresTestDatabase.DIALECT.normalize(m.state()), m.introspect(),
                        "after reversing " + applied.get(i).describe() + " with " + reverse.describe());
                if (i == 2) {
                    assertRowsKept(c, "books", "integer");
                }
            }
            assertTrue(m.introspect().tables().isEmpty(), "every table is gone after the full rollback");
        }
    }

    private static void insertRows(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO authors (name, email) VALUES ('Ann', 'ann@example.com'), ('Bob', 'b@x.org')");
            st.execute("INSERT INTO books (author_id, title, price, tags) SELECT id, name || ' book', 9.5,"
                    + " '{x,y}' FROM authors");
        }
        c.commit();
    }

    private static void assertRowsKept(Connection c, String booksTable, String pagesType) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT a.name, b.title, b.price, b.tags[2] FROM authors a JOIN "
                     + booksTable + " b ON b.author_id = a.id ORDER BY a.name")) {
            assertTrue(rs.next());
            assertEquals("Ann", rs.getString(1));
            assertEquals("Ann book", rs.getString(2));
            assertEquals(0, new java.math.BigDecimal("9.50").compareTo(rs.getBigDecimal(3)));
            assertEquals("y", rs.getString(4));
            assertTrue(rs.next());
            assertEquals("Bob book", rs.getString(2));
        }
        c.commit();
    }

    private static long nextTagId(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("INSERT INTO tags (label) VALUES ('c') RETURNING id")) {
            rs.next();
            long id = rs.getLong(1);
            st.execute("DELETE FROM tags WHERE id = " + id);
            c.commit();
            return id;
        }
    }
}
