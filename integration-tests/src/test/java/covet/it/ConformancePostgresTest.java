package covet.it;

import covet.testkit.ConformanceDatabase;
import covet.testkit.DialectConformanceTest;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The conformance kit against the built-in PostgreSQL dialect, in a fresh database on the test server (skipped
 * with one line when the server is unreachable, failed when {@code COVET_TEST_REQUIRE} names postgresql).
 */
class ConformancePostgresTest extends DialectConformanceTest {

    @Override
    protected String dialectName() {
        return "postgresql";
    }

    @Override
    protected ConformanceDatabase createDatabase(Path folder) {
        ServerDatabase db = ServerDatabase.postgres();
        return ConformanceDatabase.of(db.url, new Properties(), db);
    }
}
