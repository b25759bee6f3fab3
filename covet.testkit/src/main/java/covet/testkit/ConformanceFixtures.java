package covet.testkit;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import covet.api.spi.Capabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables the scenarios work on, in the portable vocabulary only (logical types, plain SQL in checks and
 * defaults), so that every dialect must pass them as they are.
 */
public final class ConformanceFixtures {
    private ConformanceFixtures() {
    }

    static LogicalType type(TypeKind kind) {
        return LogicalType.of(kind);
    }

    static Column id() {
        return Column.of("id", type(TypeKind.INTEGER)).notNull().withAutoIncrement(true);
    }

    /** {@code author}: the table most scenarios change. */
    public static Table author() {
        return Table.of("author", List.of(id(),
                Column.of("name", LogicalType.varchar(100)).notNull(),
                Column.of("bio", LogicalType.varchar(100)).withDefault("'none'"),
                Column.of("rating", type(TypeKind.INTEGER)).notNull().withDefault("0")), PrimaryKey.of("id"));
    }

    public static ForeignKey bookAuthor() {
        return ForeignKey.of("book_author_fk", "author_id", "author", "id");
    }

    /** {@code book}: references {@code author}. */
    public static Table book(boolean withForeignKey) {
        Table t = Table.of("book", List.of(id(),
                Column.of("author_id", type(TypeKind.INTEGER)).notNull(),
                Column.of("title", type(TypeKind.TEXT))), PrimaryKey.of("id"));
        return withForeignKey ? t.withForeignKeys(List.of(bookAuthor())) : t;
    }

    /** One nullable column of every logical type. */
    public static Table everyType() {
        List<Column> columns = new ArrayList<>();
        columns.add(id());
        for (TypeKind kind : TypeKind.values()) {
            LogicalType t = kind.takesLength() ? new LogicalType(kind, 20, null, null)
                    : kind.takesPrecision() ? LogicalType.decimal(12, 2) : LogicalType.of(kind);
            columns.add(Column.of("c_" + kind.spelling(), t));
        }
        return Table.of("every_type", columns, PrimaryKey.of("id"));
    }

    /** A composite primary key, referenced by a composite foreign key with actions. */
    public static Table region() {
        return new Table("region", List.of(
                Column.of("country", new LogicalType(TypeKind.CHAR, 2, null, null)).notNull(),
                Column.of("code", LogicalType.varchar(10)).notNull(),
                Column.of("name", LogicalType.varchar(100)).notNull()),
                PrimaryKey.of("country", "code"), null, null, null, null, null);
    }

    public static Table office(Capabilities caps) {
        List<Check> checks = caps.checkConstraints() ? List.of(new Check("office_floor_ck", "floor >= 0"))
                : List.of();
        return new Table("office", List.of(id(),
                Column.of("country", new LogicalType(TypeKind.CHAR, 2, null, null)).notNull(),
                Column.of("region_code", LogicalType.varchar(10)).notNull(),
                Column.of("name", LogicalType.varchar(50)).notNull(),
                Column.of("floor", type(TypeKind.INTEGER)).notNull().withDefault("1"),
                Column.of("opened", type(TypeKind.DATE))),
                PrimaryKey.of("id"),
                List.of(new UniqueConstraint("office_name_uq", List.of("country", "name"))),
                List.of(Index.on("office_opened_ix", "opened")),
                List.of(new ForeignKey("office_region_fk", List.of("country", "region_code"), "region",
                        List.of("country", "code"), ReferentialAction.CASCADE, ReferentialAction.CASCADE)),
                checks, null);
    }

    /** The tables of the round-trip and empty-diff scenarios, referenced tables first. */
    public static List<Table> roundTripTables(Capabilities caps) {
        return List.of(author(), book(true), everyType(), region(), office(caps));
    }
}
