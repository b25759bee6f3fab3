package covet.it;

import covet.api.migration.Migration;
import covet.api.model.Column;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.operation.AddColumn;
import covet.api.operation.CreateTable;
import covet.api.operation.Operation;
import covet.testkit.FormatConformanceTest;
import java.util.ArrayList;
import java.util.List;

/** The format test kit against the JSON format: re-indented JSON keeps its checksum. */
class FormatConformanceJsonTest extends FormatConformanceTest {

    @Override
    protected String formatName() {
        return "json";
    }

    @Override
    protected List<Migration> samples() {
        Table people = Table.of("people", List.of(Column.of("id", LogicalType.of(TypeKind.INTEGER)).notNull(),
                Column.of("name", LogicalType.varchar(100))), PrimaryKey.of("id"));
        return List.of(new Migration("20260101_000000_people", null, List.of("V1__init"),
                List.of(new CreateTable(people))));
    }

    @Override
    protected String reformat(String text) {
        return indentLines("    ").apply(text);
    }

    @Override
    protected Migration changed(Migration sample) {
        List<Operation> ops = new ArrayList<>(sample.operations());
        ops.add(new AddColumn("people", Column.of("email", LogicalType.varchar(200))));
        return new Migration(sample.id(), sample.app(), sample.dependencies(), ops);
    }
}
