package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
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
 * Every operation, forward then reverse then forward again, on a table that holds rows: after each step the live
 * schema must equal the normalised model, and the rows must still be there.
 */
class MysqlOperationsTest {
    private static MysqlTestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = MysqlTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private Schema state = Schema.EMPTY;

    private void forwardReverseForward(Connection c, Operation op) throws SQLException {
        Schema before = state;
        Schema after = db.apply(c, op, before);
        check(c, after, "after " + op.describe());
        Operation reverse = op.reverse().orElseThrow(() -> new AssertionError(op.whyIrreversible()));
        Schema back = db.apply(c, reverse, after);
        check(c, back, "after reversing " + op.describe());
        state = db.apply(c, op, back);
        check(c, state, "after re-applying " + op.describe());
    }

    private void check(Connection c, Schema expected, String when) throws SQLException {
        SchemaAssert.assertSameSchema(db.dialect.normalize(expected), db.introspect(c), when);
    }

    private static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void everyOperationForwardAndReverseKeepsRows() throws SQLException {
        Table author = Table.of("author", List.of(
                new Column("id", LogicalType.of(TypeKind.INTEGER), false, null, true, null),
                new Column("name", LogicalType.varchar(50), false, null, false, null),
                Column.of("email", LogicalType.varchar(100))), PrimaryKey.of("id"));
        Table book = Table.of("book", List.of(
                new Column("id", LogicalType.of(TypeKind.BIGINT), false, null, true, null),
                Column.of("author_id", LogicalType.of(TypeKind.INTEGER)),
                new Column("title", LogicalType.varchar(100), false, "'untitled'", false, "the title"),
                new Column("price", LogicalType.decimal(8, 2), false, "0", false, null)), PrimaryKey.of("id"));
        try (Connection c = db.connect()) {
            forwardReverseForward(c, new CreateTable(author));
            forwardReverseForward(c, new CreateTable(book));
            db.execute(c, "INSERT INTO author (name, email) VALUES ('Ann', 'ann@x.org'), ('Bob', 'bob@x.org'),"
                    + " ('Cy', NULL)");
            db.execute(c, "INSERT INTO book (author_id, title, price) VALUES (1, 'One', 10.50), (2, 'Two', 3)");

            forwardReverseForward(c, new AddColumn("author", new Column("born", LogicalType.of(TypeKind.DATE),
                    true, "'1970-01-01'", false, "birthday")));
            Column name = state.requireTable("author").requireColumn("name");
            forwardReverseForward(c, new AlterColumn("author", new Column("name", LogicalType.varchar(120), false,
                    "'anon'", false, "display name"), name));
            forwardReverseForward(c, new RenameColumn("author", "email", "mail"));
            forwardReverseForward(c, new RenameTable("book", "books"));
            forwardReverseForward(c, new CreateIndex("books", Index.on("books_title", "title")));
            forwardReverseForward(c, new CreateIndex("books", Index.uniqueOn("books_title_price", "title", "price")));
            forwardReverseForward(c, new AddUniqueConstraint("author", new UniqueConstraint("author_mail_uq",
                    List.of("mail"))));
            forwardReverseForward(c, new AddForeignKey("books", ForeignKey.of("books_author_fk", "author_id",
                    "author", "id").onDelete(ReferentialAction.CASCADE)));
            forwardReverseForward(c, new AddCheck("books", new Check("books_price_ck", "`price` >= 0")));
            forwardReverseForward(c, new RunSQL(List.of("UPDATE books SET price = price WHERE id = 2"),
                    List.of("UPDATE books SET price = price WHERE id = 2")));
            // a view as the server renders it: what the introspector reads back is what was created
            forwardReverseForward(c, new covet.api.operation.CreateObject(new covet.api.model.View("cheap",
                    "CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `cheap` AS select `books`.`id` AS `id`"
                            + " from `books` where `books`.`price` < 5", null, List.of("table:books"))));
            assertEquals(List.of("2"), column(c, "SELECT id FROM cheap"));

            Table books = state.requireTable("books");
            forwardReverseForward(c, new DropCheck("books", "books_price_ck", books.check("books_price_ck").get()));
            forwardReverseForward(c, new DropForeignKey("books", "books_author_fk",
                    books.foreignKey("books_author_fk").get()));
            forwardReverseForward(c, new DropUniqueConstraint("author", "author_mail_uq",
                    state.requireTable("author").unique("author_mail_uq").get()));
            forwardReverseForward(c, new DropIndex("books", "books_title", books.index("books_title").get()));
            forwardReverseForward(c, new DropColumn("author", "born",
                    state.requireTable("author").requireColumn("born")));
            // MySQL refuses to drop a column a foreign key uses: the key goes with it, in one statement.
            forwardReverseForward(c, new DropColumn("books", "author_id",
                    state.requireTable("books").requireColumn("author_id")));

            assertEquals(List.of("Ann", "Bob", "Cy"), column(c, "SELECT name FROM author ORDER BY id"));
            assertEquals(List.of("ann@x.org", "bob@x.org"), column(c, "SELECT mail FROM author WHERE mail IS NOT NULL"
                    + " ORDER BY id"));
            assertEquals(List.of("10.50", "3.00"), column(c, "SELECT price FROM books ORDER BY id"));

            assertEquals(List.of(), state.requireTable("books").foreignKeys(), "the key went with its column");
            forwardReverseForward(c, new covet.api.operation.DropObject(state.object("view:cheap").orElseThrow()));
            forwardReverseForward(c, new DropTable("books", state.requireTable("books")));
        }
    }
}
