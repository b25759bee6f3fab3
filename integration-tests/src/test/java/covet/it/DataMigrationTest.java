package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.JavaMigration;
import covet.engine.Covet;
import covet.engine.run.ChecksumMismatchException;
import covet.engine.run.StatementFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java data migrations: run in the migration's transaction, checksummed by class and version, reversible. */
class DataMigrationTest {
    static final String USERS = "20260101_000001_users";

    @TempDir
    Path dir;
    Project project;

    /** Lower-cases every e-mail; down restores nothing but is declared reversible for the test's sake. */
    public static final class LowerEmails implements JavaMigration {
        private final int version;
        private final boolean fail;

        LowerEmails(int version, boolean fail) {
            this.version = version;
            this.fail = fail;
        }

        @Override
        public String id() {
            return "20260101_000002_lower_emails";
        }

        @Override
        public List<String> dependencies() {
            return List.of(USERS);
        }

        @Override
        public int version() {
            return version;
        }

        @Override
        public void up(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE users SET email = lower(email)");
                if (fail) {
                    throw new SQLException("backfill failed on purpose");
                }
            }
        }

        @Override
        public boolean reversible() {
            return true;
        }

        @Override
        public void down(Connection c) throws SQLException {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE users SET email = upper(email)");
            }
        }
    }

    @BeforeEach
    void setUp() {
        project = Project.sqlite(dir);
        project.write(USERS, List.of(), Project.createTable("users", Project.ID
                + ", {\"name\": \"email\", \"type\": \"varchar(100)\", \"nullable\": false}", ""));
    }

    private Covet covet(JavaMigration java) {
        return Covet.builder().url(project.url).migrationsDir(project.migrations).javaMigrations(List.of(java)).build();
    }

    @Test
    void runsInOrderIsRecordedAndRollsBackThroughDown() {
        covet(new LowerEmails(1, false)).migrate(USERS);
        project.execute("INSERT INTO users (email) VALUES ('A@X.ORG'), ('B@Y.ORG')");
        assertEquals(2, covet(new LowerEmails(1, false)).migrate().size() + 1);
        assertEquals(List.of("a@x.org", "b@y.org"), project.query("SELECT email FROM users ORDER BY id"));
        assertEquals(List.of(USERS, "20260101_000002_lower_emails"),
                project.query("SELECT name FROM covet_migrations ORDER BY id"));
        List<String> sql = covet(new LowerEmails(1, false)).sql("20260101_000002_lower_emails");
        assertTrue(sql.get(0).startsWith("-- Java migration " + LowerEmails.class.getName()), sql.toString());

        covet(new LowerEmails(1, false)).rollback();
        assertEquals(List.of("A@X.ORG", "B@Y.ORG"), project.query("SELECT email FROM users ORDER BY id"));
        assertEquals(List.of(USERS), project.query("SELECT name FROM covet_migrations ORDER BY id"));
    }

    @Test
    void bumpingTheVersionOfAnAppliedOneIsAChecksumMismatch() {
        covet(new LowerEmails(1, false)).migrate();
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> covet(new LowerEmails(2, false)).migrate());
        assertTrue(e.getMessage().contains("20260101_000002_lower_emails"), e.getMessage());
    }

    @Test
    void aFailingJavaMigrationLeavesNothingBehind() {
        covet(new LowerEmails(1, false)).migrate(USERS);
        project.execute("INSERT INTO users (email) VALUES ('A@X.ORG')");
        StatementFailedException e = assertThrows(StatementFailedException.class,
                () -> covet(new LowerEmails(1, true)).migrate());
        assertTrue(e.getMessage().contains("20260101_000002_lower_emails"), e.getMessage());
        assertTrue(e.getMessage().contains("backfill failed on purpose"), e.getMessage());
        assertEquals(List.of("A@X.ORG"), project.query("SELECT email FROM users"), "the update was rolled back");
        assertEquals(List.of(USERS), project.query("SELECT name FROM covet_migrations"));
    }

    @Test
    void theCliFindsADataMigrationJarInThePluginsFolder() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/shop"));
        Files.writeString(src.resolve("Backfill.java"), """
                package shop;
                public final class Backfill implements covet.api.migration.JavaMigration {
                    public String id() { return "20260101_000003_backfill"; }
                    public java.util.List<String> dependencies() { return java.util.List.of("%s"); }
                    public int version() { return 1; }
                    public void up(java.sql.Connection c) throws java.sql.SQLException {
                        try (var s = c.createStatement()) { s.executeUpdate("INSERT INTO users (email) VALUES ('x@y')"); }
                    }
                }
                """.formatted(USERS));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path apiJar;
        try (Stream<Path> lib = Files.list(Servers.repo().resolve("covet.cli/target/covet/lib"))) {
            apiJar = lib.filter(p -> p.getFileName().toString().startsWith("covet-api-")).findFirst().orElseThrow();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", apiJar.toString(),
                src.resolve("Backfill.java").toString()));
        assertEquals(0, ToolProvider.findFirst("javac").orElseThrow().run(new PrintStream(err), new PrintStream(err),
                args.toArray(String[]::new)), err.toString());
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(plugins.resolve("shop-data.jar")))) {
            jar.putNextEntry(new JarEntry("shop/Backfill.class"));
            jar.write(Files.readAllBytes(classes.resolve("shop/Backfill.class")));
            jar.putNextEntry(new JarEntry("META-INF/services/covet.api.migration.JavaMigration"));
            jar.write("shop.Backfill\n".getBytes(StandardCharsets.UTF_8));
        }
        Cli.Result r = Cli.run(dir, "migrate");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Applied 20260101_000003_backfill"), r.toString());
        assertEquals(List.of("x@y"), project.query("SELECT email FROM users"));
    }
}
