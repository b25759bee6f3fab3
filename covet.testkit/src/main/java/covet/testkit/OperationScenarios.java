package covet.testkit;

import static covet.testkit.ConformanceFixtures.author;
import static covet.testkit.ConformanceFixtures.book;
import static covet.testkit.ConformanceFixtures.bookAuthor;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Exclusion;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.LogicalType;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.ReferentialAction;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.model.UniqueConstraint;
import covet.api.operation.AddCheck;
import covet.api.operation.AddColumn;
import covet.api.operation.AddExclusion;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AddUniqueConstraint;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterTable;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DropCheck;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropColumn;
import covet.api.operation.DropExclusion;
import covet.api.operation.DropForeignKey;
import covet.api.operation.DropIndex;
import covet.api.operation.DropPrimaryKey;
import covet.api.operation.DropTable;
import covet.api.operation.DropUniqueConstraint;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import covet.api.spi.Capabilities;
import covet.api.spi.Dialect;
import covet.testkit.OperationScenario.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every member of the operation family at least once, on the {@code author} / {@code book} fixture; named objects
 * in {@link ObjectScenarios}.
 */
public final class OperationScenarios {
    private OperationScenarios() {
    }

    public static List<OperationScenario> all(Dialect dialect) {
        Capabilities caps = dialect.capabilities();
        Operation author = new CreateTable(author());
        Operation book = new CreateTable(book(true));
        Operation bookWithoutKey = new CreateTable(book(false));
        Column bio = author().requireColumn("bio");
        Index nameIndex = Index.on("author_name_ix", "name");
        UniqueConstraint nameUnique = new UniqueConstraint("author_name_uq", List.of("name"));
        Check ratingCheck = new Check("author_rating_ck", "rating >= 0");
        String q = dialect.quoteIdentifier("note");
        String id = dialect.quoteIdentifier("id");

        List<OperationScenario> s = new ArrayList<>();
        s.add(OperationScenario.of("CreateTable with keys, index and actions", List.of(author),
                new CreateTable(tag(caps))));
        s.add(OperationScenario.of("DropTable", List.of(author, book), new DropTable("book", book(true))));
        s.add(OperationScenario.of("AddColumn with default", List.of(author),
                new AddColumn("author", Column.of("country", LogicalType.varchar(2)).withDefault("'NL'"))));
        s.add(OperationScenario.of("DropColumn", List.of(author), new DropColumn("author", "bio", bio)));
        s.add(OperationScenario.of("AlterColumn type, nullability and default", List.of(author),
                new AlterColumn("author", bio.withType(LogicalType.varchar(250)).notNull().withDefault("'n/a'"),
                        bio)));
        s.add(OperationScenario.of("RenameTable referenced by a foreign key", List.of(author, book),
                new RenameTable("author", "writer")));
        s.add(OperationScenario.of("RenameColumn", List.of(author), new RenameColumn("author", "bio", "biography")));
        s.add(OperationScenario.of("CreateIndex on two columns, one descending", List.of(author),
                new CreateIndex("author", new Index("author_rating_name_ix",
                        List.of(new IndexColumn("rating", null, true), IndexColumn.of("name")), false, null))));
        s.add(OperationScenario.of("CreateIndex unique", List.of(author),
                new CreateIndex("author", Index.uniqueOn("author_name_bio_uix", "name", "bio"))));
        s.add(OperationScenario.of("CreateIndex partial", List.of(author),
                new CreateIndex("author", new Index("author_rated_ix", List.of(IndexColumn.of("rating")), false,
                        "rating > 0"))).requiring(Capabilities::partialIndexes, "partialIndexes"));
        s.add(OperationScenario.of("CreateIndex on an expression", List.of(author),
                new CreateIndex("author", new Index("author_lower_name_ix",
                        List.of(IndexColumn.expression("lower(name)")), false, null)))
                .requiring(Capabilities::expressionIndexes, "expressionIndexes"));
        s.add(OperationScenario.of("DropIndex", List.of(author, new CreateIndex("author", nameIndex)),
                new DropIndex("author", nameIndex.name(), nameIndex)));
        s.add(OperationScenario.of("AddForeignKey ON DELETE CASCADE", List.of(author, bookWithoutKey),
                new AddForeignKey("book", bookAuthor().onDelete(ReferentialAction.CASCADE))));
        s.add(OperationScenario.of("DropForeignKey", List.of(author, book),
                new DropForeignKey("book", bookAuthor().name(), bookAuthor())));
        s.add(OperationScenario.of("AddUniqueConstraint", List.of(author),
                new AddUniqueConstraint("author", nameUnique)));
        s.add(OperationScenario.of("DropUniqueConstraint",
                List.of(author, new AddUniqueConstraint("author", nameUnique)),
                new DropUniqueConstraint("author", nameUnique.name(), nameUnique)));
        s.add(OperationScenario.of("AddCheck", List.of(author), new AddCheck("author", ratingCheck))
                .requiring(Capabilities::checkConstraints, "checkConstraints"));
        s.add(OperationScenario.of("DropCheck", List.of(author, new AddCheck("author", ratingCheck)),
                new DropCheck("author", ratingCheck.name(), ratingCheck))
                .requiring(Capabilities::checkConstraints, "checkConstraints"));
        Table note = Table.of("note", List.of(Column.of("id", LogicalType.of(TypeKind.INTEGER)).notNull()), null);
        s.add(OperationScenario.of("RunSQL with reverse SQL", List.of(author),
                        RunSQL.of("CREATE TABLE " + q + " (" + id + " INTEGER NOT NULL)", "DROP TABLE " + q))
                .expecting(before -> before.addTable(note)));
        s.addAll(tableSettings());
        s.addAll(ObjectScenarios.all());
        return s;
    }

    /** Primary keys, the table comment, and (where the dialect does not refuse them) exclusions and partitions. */
    private static List<OperationScenario> tableSettings() {
        Table label = Table.of("label", List.of(Column.of("code", LogicalType.varchar(10)).notNull(),
                Column.of("title", LogicalType.varchar(40)).notNull()), null);
        PrimaryKey code = PrimaryKey.of("code");
        Operation author = new CreateTable(author());
        List<OperationScenario> s = new ArrayList<>();
        s.add(OperationScenario.of("AddPrimaryKey", List.of(new CreateTable(label)),
                new AddPrimaryKey("label", code)));
        s.add(OperationScenario.of("DropPrimaryKey", List.of(new CreateTable(label.withPrimaryKey(code))),
                new DropPrimaryKey("label", code)));
        s.add(OperationScenario.of("AlterTable comment", List.of(author),
                new AlterTable("author", "people who write, it's said", Map.of(), null, Map.of())));
        // comments on indexes and keys: where the database has them (a dialect without comments normalises them
        // away, one that cannot write them refuses)
        Index byName = Index.on("author_name_ix", "name").withComment("by name, it's said");
        s.add(OperationScenario.of("CreateIndex with a comment", List.of(author), new CreateIndex("author", byName))
                .requiringDialect(d -> true, null, Refusal.ALLOWED));
        s.add(OperationScenario.of("AlterComment of an index", List.of(author, new CreateIndex("author", byName)),
                new AlterComment("author", AlterComment.Target.INDEX, byName.name(), "by the name", byName.comment()))
                .requiringDialect(d -> true, null, Refusal.ALLOWED));
        s.add(OperationScenario.of("AddUniqueConstraint with a comment", List.of(author),
                new AddUniqueConstraint("author", new UniqueConstraint("author_name_uq", List.of("name"))
                        .withComment("one each"))).requiringDialect(d -> true, null, Refusal.ALLOWED));

        // PostgreSQL's spelling (pg_get_constraintdef, pg_get_partkeydef, pg_get_expr): where a dialect has these
        // features at all, this is what its introspector reads them as
        Table booking = Table.of("booking", List.of(Column.of("id", LogicalType.of(TypeKind.INTEGER)).notNull(),
                Column.of("during", ColumnType.parse("native:tsrange"))), null);
        Exclusion noOverlap = new Exclusion("booking_no_overlap", "EXCLUDE USING gist (during WITH &&)");
        s.add(OperationScenario.of("AddExclusion", List.of(new CreateTable(booking)),
                new AddExclusion("booking", noOverlap)).requiringDialect(d -> true, null, Refusal.ALLOWED));
        s.add(OperationScenario.of("DropExclusion", List.of(new CreateTable(booking),
                        new AddExclusion("booking", noOverlap)),
                new DropExclusion("booking", noOverlap.name(), noOverlap))
                .requiringDialect(d -> true, null, Refusal.ALLOWED));
        List<Column> eventColumns = List.of(Column.of("id", LogicalType.of(TypeKind.INTEGER)).notNull(),
                Column.of("note", LogicalType.varchar(40)));
        Table event = new Table("event", eventColumns, null, null, null, null, null, null, null, "RANGE (id)", null,
                null);
        Table first = Table.of("event_first", eventColumns, null);
        Partition bound = new Partition("event", "FOR VALUES FROM (1) TO (100)");
        s.add(OperationScenario.of("AttachPartition", List.of(new CreateTable(event), new CreateTable(first)),
                new AttachPartition("event_first", bound)).requiringDialect(d -> true, null, Refusal.ALLOWED));
        s.add(OperationScenario.of("DetachPartition", List.of(new CreateTable(event), new CreateTable(first),
                        new AttachPartition("event_first", bound)), new DetachPartition("event_first", bound))
                .requiringDialect(d -> true, null, Refusal.ALLOWED));
        return s;
    }

    /** A new table with a unique constraint, an index, a check where checks exist, and a foreign key with actions. */
    private static Table tag(Capabilities caps) {
        return new Table("tag", List.of(ConformanceFixtures.id(),
                Column.of("author_id", LogicalType.of(TypeKind.INTEGER)),
                Column.of("label", LogicalType.varchar(40)).notNull(),
                Column.of("weight", LogicalType.decimal(5, 2)).notNull().withDefault("1.50")),
                PrimaryKey.of("id"),
                List.of(new UniqueConstraint("tag_label_uq", List.of("label"))),
                List.of(Index.on("tag_weight_ix", "weight")),
                List.of(new ForeignKey("tag_author_fk", List.of("author_id"), "author", List.of("id"),
                        ReferentialAction.SET_NULL, ReferentialAction.CASCADE)),
                caps.checkConstraints() ? List.of(new Check("tag_weight_ck", "weight > 0")) : List.of(), null);
    }
}
