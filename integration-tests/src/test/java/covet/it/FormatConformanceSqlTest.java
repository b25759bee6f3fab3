package covet.it;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import covet.api.operation.RunSQL;
import covet.testkit.FormatConformanceTest;
import java.util.ArrayList;
import java.util.List;

/** The format test kit against the SQL format: up/down pairs, dependencies, statements with quotes and comments. */
class FormatConformanceSqlTest extends FormatConformanceTest {

    @Override
    protected String formatName() {
        return "sql";
    }

    @Override
    protected List<Migration> samples() {
        return List.of(
                new Migration("20260101_000000_people", null, List.of(), List.of(
                        new RunSQL(List.of("CREATE TABLE people (id INT PRIMARY KEY,name VARCHAR(100) DEFAULT 'a;  b')"),
                                List.of("DROP INDEX people_name", "DROP TABLE people")),
                        new RunSQL(List.of("CREATE INDEX people_name ON people (name)"), List.of()))),
                new Migration("20260102_000000_seed", null, List.of("V1.1__init"), List.of(
                        new RunSQL(List.of("INSERT INTO people (id,name) VALUES (1,'x -- not a comment')"), null))));
    }

    @Override
    protected String reformat(String text) {
        return "-- re-formatted by hand\n\n" + text.replace(",", ",\n        ").replace(";\n", "\n;\n\n")
                .replace("(", "( ");
    }

    @Override
    protected Migration changed(Migration sample) {
        List<Operation> ops = new ArrayList<>(sample.operations());
        ops.add(new RunSQL(List.of("SELECT 1"), sample.operations().get(0) instanceof RunSQL r && r.reverseSql()
                != null ? List.of() : null));
        return new Migration(sample.id(), sample.app(), sample.dependencies(), ops);
    }
}
