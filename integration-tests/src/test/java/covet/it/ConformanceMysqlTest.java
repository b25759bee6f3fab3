package covet.it;

import covet.testkit.ConformanceDatabase;
import covet.testkit.DialectConformanceTest;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The conformance kit against the built-in MySQL / MariaDB dialect, in a fresh database on the test server
 * (skipped with one line when the server is unreachable, failed when {@code COVET_TEST_REQUIRE} names mysql).
 */
class ConformanceMysqlTest extends DialectConformanceTest {

    @Override
    protected String dialectName() {
        return "mysql";
    }

    @Override
    protected ConformanceDatabase createDatabase(Path folder) {
        ServerDatabase db = ServerDatabase.mysql();
        return ConformanceDatabase.of(db.url, new Properties(), db);
    }
}
