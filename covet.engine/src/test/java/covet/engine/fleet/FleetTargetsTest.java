package covet.engine.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.engine.config.ConfigException;
import covet.engine.plugin.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading targets files: both shapes, and malformed files named with path and line or key. */
class FleetTargetsTest {
    @TempDir
    Path tmp;

    private List<FleetTarget> read(String text) throws Exception {
        Path f = Files.writeString(tmp.resolve("targets"), text);
        return FleetTargets.read(f, PluginRegistry.discover(), new Properties());
    }

    private String failure(String text) {
        return assertThrows(ConfigException.class, () -> read(text)).getMessage();
    }

    @Test
    void urlLinesSkipCommentsAndBlankLinesAndHidePasswordsInNames() throws Exception {
        List<FleetTarget> t = read("# tenants\n\njdbc:sqlite:/tmp/a.db\n  jdbc:mysql://h/db?user=u&password=s3cret\n");
        assertEquals(2, t.size());
        assertEquals(new FleetTarget("jdbc:sqlite:/tmp/a.db", "jdbc:sqlite:/tmp/a.db"), t.get(0));
        assertEquals("jdbc:mysql://h/db?user=u&password=s3cret", t.get(1).url());
        assertTrue(!t.get(1).name().contains("s3cret"), t.get(1).name());
    }

    @Test
    void aLineThatIsNotAUrlIsNamedWithItsLineNumber() {
        String m = failure("jdbc:sqlite:a.db\n\nnot a url\n");
        assertTrue(m.endsWith("targets:3: expected one JDBC URL per line (jdbc:...), found 'not a url'"), m);
    }

    @Test
    void yamlUrlsList() throws Exception {
        assertEquals(List.of("jdbc:sqlite:a.db", "jdbc:sqlite:b.db"),
                read("urls:\n  - jdbc:sqlite:a.db\n  - jdbc:sqlite:b.db\n").stream().map(FleetTarget::url).toList());
    }

    @Test
    void malformedStructuredFilesSayWhatIsWrong() {
        assertTrue(failure("url: jdbc:x://h/\nschemaz: [a]\n").contains("unknown key 'schemaz'"));
        assertTrue(failure("url: jdbc:x://h/\nschemas: [a]\ndatabases: [b]\n")
                .contains("give exactly one of schemas, databases, schemas_query, databases_query, urls (found"
                        + " schemas, databases)"));
        assertTrue(failure("schemas: [a]\n").contains("'schemas' needs 'url'"));
        assertTrue(failure("urls: jdbc:sqlite:a.db\n").contains("'urls' must be a list"));
        assertTrue(failure("# nothing\n").contains("no targets"));
        assertTrue(failure("jdbc:sqlite:a.db\njdbc:sqlite:a.db\n").contains("listed twice"));
    }

    @Test
    void aDatabaseReplacesTheUrlsDatabaseAndKeepsItsParameters() {
        assertEquals("jdbc:mysql://h:3306/tenant_a?user=root",
                FleetTargets.withDatabase("jdbc:mysql://h:3306/?user=root", "tenant_a"));
        assertEquals("jdbc:postgresql://h/t%20b", FleetTargets.withDatabase("jdbc:postgresql://h/app", "t b"));
    }
}
