package covet.it;

import covet.testkit.ConformanceDatabase;
import covet.testkit.DialectConformanceTest;
import java.nio.file.Path;

/**
 * The conformance kit against the sample third-party dialect (module sample.dialect.h2), exactly as its author
 * would run it: by name, on an H2 file database in a temporary folder.
 */
class ConformanceSamplePluginTest extends DialectConformanceTest {

    @Override
    protected String dialectName() {
        return "h2";
    }

    @Override
    protected ConformanceDatabase createDatabase(Path folder) {
        return ConformanceDatabase.of("jdbc:h2:file:" + folder.resolve("conformance"));
    }
}
