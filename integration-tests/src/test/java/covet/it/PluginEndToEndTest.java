package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The third-party promise, end to end: the sample H2 dialect jar and its driver jar, dropped into plugins/ of a copy
 * of the built distribution, are listed by {@code covet plugins} and migrate and roll back a database through the
 * launcher, run as a separate process, with no Covet module rebuilt. Broken and conflicting jars are reported.
 */
class PluginEndToEndTest {
    static final String M1 = "20260101_000001_users";
    static final String M2 = "20260101_000002_posts";

    @TempDir
    Path dir;
    PluginDistribution dist;
    Path project;
    Path sampleJar;
    String url;

    @BeforeEach
    void setUp() throws IOException {
        dist = PluginDistribution.copy(dir);
        sampleJar = dist.addPlugin(PluginDistribution.dependencyJar("sample-plugin"), "sample-plugin.jar");
        dist.addPlugin(PluginDistribution.dependencyJar("h2-"), "h2.jar");
        project = Files.createDirectories(dir.resolve("project"));
        url = "jdbc:h2:file:" + project.resolve("app");
        Project p = new Project(project, url);
        p.write(M1, List.of(), Project.createTable("users", Project.ID
                        + ", {\"name\": \"email\", \"type\": \"varchar(100)\", \"nullable\": false}",
                "\"indexes\": [{\"name\": \"ix_users_email\", \"columns\": [\"email\"], \"unique\": true}]"));
        p.write(M2, List.of(M1), Project.createTable("posts", Project.ID
                        + ", {\"name\": \"user_id\", \"type\": \"integer\", \"nullable\": false}",
                "\"foreignKeys\": [{\"name\": \"fk_posts_user\", \"columns\": [\"user_id\"], \"references\": "
                        + "{\"table\": \"users\", \"columns\": [\"id\"]}, \"onDelete\": \"CASCADE\"}]"));
    }

    @Test
    void pluginsListsTheSampleDialectWithItsModuleAndJar() {
        Cli.Result r = dist.run(project, "plugins");
        assertEquals(0, r.exitCode(), r::toString);
        String line = r.out().lines().filter(l -> l.startsWith("dialect") && l.contains(" h2 ")).findFirst()
                .orElseThrow(() -> new AssertionError("no h2 dialect listed:\n" + r));
        assertTrue(line.contains("sample.dialect.h2"), line);
        assertTrue(line.contains(sampleJar.toString()), "the jar path is listed: " + line);
        assertTrue(r.out().contains("sqlite"), "the built-in dialects are still listed:\n" + r);
    }

    @Test
    void migrateAndRollbackRunThroughThePlugin() throws SQLException {
        Cli.Result migrate = dist.run(project, "migrate", "--url", url);
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertEquals(List.of("covet_migrations", "posts", "users"), tables());
        assertEquals(List.of(M1, M2), rows("SELECT \"name\" FROM \"covet_migrations\" ORDER BY \"id\""));
        assertEquals(List.of("fk_posts_user|CASCADE"), rows("SELECT constraint_name, delete_rule"
                + " FROM information_schema.referential_constraints"));

        Cli.Result back = dist.run(project, "rollback", "--yes", "--url", url);
        assertEquals(0, back.exitCode(), back::toString);
        assertEquals(List.of("covet_migrations", "users"), tables());
        Cli.Result again = dist.run(project, "rollback", "--yes", "--url", url);
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(List.of("covet_migrations"), tables());
        assertEquals(List.of(), rows("SELECT \"name\" FROM \"covet_migrations\""));
    }

    @Test
    void brokenJarsAreReportedWithTheirPathAndTheOthersStillLoad() throws IOException, SQLException {
        Path corrupt = Files.writeString(dist.plugins().resolve("corrupt.jar"), "this is not a zip file");
        Path work = dir.resolve("build");
        Path missing = PluginDistribution.buildModuleJar(work, "missing.dep", List.of(),
                "module-info.java", "module missing.dep { exports missing.dep; }",
                "missing/dep/Thing.java", "package missing.dep; public class Thing { }");
        Path needy = dist.addPlugin(PluginDistribution.buildModuleJar(work, "needs.missing", List.of(missing),
                "module-info.java", "module needs.missing { requires missing.dep; }",
                "needs/missing/Plugin.java", "package needs.missing; public class Plugin { }"), "needs-missing.jar");

        Cli.Result plugins = dist.run(project, "plugins");
        assertEquals(1, plugins.exitCode(), "a broken plugin fails the listing:\n" + plugins);
        assertTrue(plugins.err().contains(corrupt.toString()), plugins::toString);
        assertTrue(plugins.err().contains(needy.toString()) && plugins.err().contains("missing.dep"),
                "the jar whose module needs a missing one is named with the reason:\n" + plugins);
        assertTrue(plugins.out().lines().anyMatch(l -> l.startsWith("dialect") && l.contains("sample.dialect.h2")),
                "the good plugin still loads:\n" + plugins);

        Cli.Result migrate = dist.run(project, "migrate", "--url", url);
        assertEquals(0, migrate.exitCode(), migrate::toString);
        assertTrue(migrate.err().contains(corrupt.toString()), "migrate warns about the jar too:\n" + migrate);
        assertEquals(List.of("covet_migrations", "posts", "users"), tables());
    }

    @Test
    void twoJarsOfOneModuleFailNamingBoth() throws IOException {
        Path copy = dist.addPlugin(sampleJar, "sample-plugin-copy.jar");
        for (String command : new String[] {"plugins", "migrate"}) {
            Cli.Result r = dist.run(project, command, "--url", url);
            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.err().contains(sampleJar.toString()) && r.err().contains(copy.toString()), r::toString);
        }
    }

    @Test
    void twoPluginsClaimingOneDialectNameFailNamingBoth() throws IOException {
        Path api = PluginDistribution.dependencyJar("covet-api-");
        Path impostor = dist.addPlugin(PluginDistribution.buildModuleJar(dir.resolve("build"), "other.h2",
                List.of(api),
                "module-info.java", "module other.h2 { requires covet.api;"
                        + " provides covet.api.spi.Dialect with other.h2.OtherH2; }",
                "other/h2/OtherH2.java", OTHER_H2), "other-h2.jar");
        for (String command : new String[] {"plugins", "migrate"}) {
            Cli.Result r = dist.run(project, command, "--url", url);
            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.err().contains(sampleJar.toString()) && r.err().contains(impostor.toString())
                    && r.err().contains("'h2'"), "both jars are named:\n" + r);
        }
    }

    /** A second dialect that also calls itself h2: enough of one to be loaded and named. */
    private static final String OTHER_H2 = """
            package other.h2;
            import covet.api.spi.*;
            public final class OtherH2 implements Dialect {
                public String name() { return "h2"; }
                public int apiVersion() { return Dialect.API_VERSION; }
                public boolean acceptsUrl(String url) { return url.startsWith("jdbc:h2:"); }
                public String jdbcUrl(String h, Integer p, String d) { throw new UnsupportedOperationException(); }
                public java.sql.Connection connect(String u, java.util.Properties p) {
                    throw new UnsupportedOperationException(); }
                public Capabilities capabilities() { return new Capabilities(false, false, false, false, false, false); }
                public String quoteIdentifier(String i) { return i; }
                public java.util.List<String> render(covet.api.operation.Operation o,
                        java.util.function.Supplier<covet.api.model.Schema> s) { throw new UnsupportedOperationException(); }
                public Introspector introspector() { throw new UnsupportedOperationException(); }
                public MigrationLock lock() { throw new UnsupportedOperationException(); }
            }
            """;

    private List<String> tables() throws SQLException {
        return rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                + " AND table_type = 'BASE TABLE' ORDER BY table_name");
    }

    /** Rows read with the H2 driver on the test's class path, each row's columns joined with '|'. */
    private List<String> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url + ";DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(b.toString());
            }
            return rows;
        }
    }
}
