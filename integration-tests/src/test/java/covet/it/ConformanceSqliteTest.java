package covet.it;

import covet.testkit.ConformanceDatabase;
import covet.testkit.DialectConformanceTest;
import java.nio.file.Path;

/** The conformance kit against the built-in SQLite dialect, on a file in a temporary folder. */
class ConformanceSqliteTest extends DialectConformanceTest {

    @Override
    protected String dialectName() {
        return "sqlite";
    }

    @Override
    protected ConformanceDatabase createDatabase(Path folder) {
        return ConformanceDatabase.of("jdbc:sqlite:" + folder.resolve("conformance.db"));
    }
}
