package covet.dialect.sqlite;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import covet.api.operation.CreateTable;
import java.sql.SQLException;
import java.util.List;

/**
 * The schema most operation tests start from: parent <- item <- note, with rows, an AUTOINCREMENT key, defaults, a
 * unique constraint, plain, partial and expression indexes, a CHECK and foreign keys with ON DELETE rules.
 */
final class SqliteFixtures {
    private SqliteFixtures() {
    }

    static Table parent() {
        return new Table("parent", List.of(
                new Column("id", covet.api.model.ColumnType.parse("bigint"), false, null, true, null),
                Column.of("code", "varchar(10)").notNull(),
                Column.of("name", "text")),
                null, List.of(new UniqueConstraint("uq_parent_code", List.of("code"))), null, null, null, null);
    }

    static Table item() {
        return new Table("item", List.of(
                Column.of("id", "integer").notNull(),
                Column.of("parent_id", "integer"),
                Column.of("title", "varchar(100)").notNull().withDefault("'untitled'"),
                Column.of("price", "decimal(12,2)"),
                Column.of("qty", "integer").notNull().withDefault("0"),
                Column.of("created", "timestamp").withDefault("CURRENT_TIMESTAMP")),
                PrimaryKey.of("id"), null,
                List.of(Index.on("ix_item_title", "title"),
                        new Index("ix_item_cheap", List.of(IndexColumn.expression("lower(title)"),
                                new IndexColumn("price", null, true)), false, "qty > 0")),
                List.of(ForeignKey.of("fk_item_parent", "parent_id", "parent", "id")
                        .onDelete(ReferentialAction.CASCADE)),
                List.of(new Check("ck_item_qty", "qty >= 0")), null);
    }

    static Table note() {
        return new Table("note", List.of(
                Column.of("id", "integer").notNull(),
                Column.of("item_id", "integer").notNull(),
                Column.of("author_id", "integer"),
                Column.of("body", "text")),
                PrimaryKey.of("id"), null, List.of(Index.on("ix_note_item", "item_id")),
                List.of(ForeignKey.of("fk_note_item", "item_id", "item", "id")), null, null);
    }

    /** Creates the three tables with rows; returns the model. */
    static Schema create(SqliteTestDb db) throws SQLException {
        Schema s = Schema.EMPTY;
        s = db.apply(s, new CreateTable(parent()));
        s = db.apply(s, new CreateTable(item()));
        s = db.apply(s, new CreateTable(note()));
        db.exec("INSERT INTO parent (code, name) VALUES ('a', 'Alpha'), ('b', 'Beta'), ('c', NULL)",
                "INSERT INTO item (id, parent_id, title, price, qty) VALUES"
                        + " (1, 1, 'Apple', 1.5, 3), (2, 1, 'Pear', NULL, 0), (3, 2, 'Plum', 2.25, 7),"
                        + " (4, NULL, 'Orphan', 9.99, 1), (5, 3, 'Fig', NULL, 2)",
                "UPDATE item SET created = '2024-01-02 03:04:05'",
                "INSERT INTO note (id, item_id, author_id, body) VALUES"
                        + " (10, 1, 1, 'crisp'), (11, 1, 2, 'red'), (12, 3, NULL, 'sour'), (13, 5, 3, 'sweet')");
        return s;
    }
}
