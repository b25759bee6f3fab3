package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adopting an existing database, drift warnings, and makemigrations from the blog's model classes. */
class DriftAndAdoptionTest {
    @TempDir
    Path dir;

    private List<Path> migrations(Path project) throws IOException {
        try (Stream<Path> s = Files.list(project.resolve("migrations"))) {
            return s.sorted().toList();
        }
    }

    @Test
    void adoptAnExistingDatabaseInThreeCommands() throws IOException {
        Project db = Project.sqlite(dir);
        db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(80) NOT NULL)",
                "CREATE INDEX ix_customers_name ON customers (name)", "INSERT INTO customers (name) VALUES ('a')");
        Cli.Result made = Cli.run(dir, "makemigrations", "--from-database", "--name", "baseline");
        assertEquals(0, made.exitCode(), made.toString());
        Cli.Result fake = Cli.run(dir, "migrate", "--fake");
        assertEquals(0, fake.exitCode(), fake.toString());
        Cli.Result show = Cli.run(dir, "showmigrations");
        assertTrue(show.out().startsWith("APPLIED"), show.toString());
        assertEquals(List.of("1"), db.query("SELECT count(*) FROM customers"), "the data is untouched");
        Cli.Result check = Cli.run(dir, "makemigrations", "--check", "--from-database");
        assertEquals(0, check.exitCode(), check.toString());
    }

    @Test
    void changesMadeByHandAreReportedAsDriftAndFailTheCheck() throws IOException {
        Path sql = Files.writeString(dir.resolve("schema.sql"),
                "CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, label VARCHAR(40) NOT NULL);\n");
        assertEquals(0, Cli.run(dir, "makemigrations", "--schema", sql.toString()).exitCode());
        assertEquals(0, Cli.run(dir, "migrate").exitCode());
        Cli.Result clean = Cli.run(dir, "makemigrations", "--check", "--schema", sql.toString());
        assertEquals(0, clean.exitCode(), clean.toString());
        assertTrue(!clean.err().contains("drift"), clean.toString());

        Project.sqlite(dir).execute("ALTER TABLE items ADD COLUMN note TEXT");
        Cli.Result drifted = Cli.run(dir, "makemigrations", "--check", "--schema", sql.toString());
        assertEquals(1, drifted.exitCode(), drifted.toString());
        assertTrue(drifted.err().contains("warning: drift: column items.note exists in the database but in no "
                + "migration"), drifted.toString());
    }

    /** Compiles the blog's model sources (possibly edited) into a class folder. */
    private Path compileModels(Path sources) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes-" + System.nanoTime()));
        Path apiJar;
        try (Stream<Path> lib = Files.list(Servers.repo().resolve("covet.cli/target/covet/lib"))) {
            apiJar = lib.filter(p -> p.getFileName().toString().startsWith("covet-api-")).findFirst().orElseThrow();
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", apiJar.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = ToolProvider.findFirst("javac").orElseThrow().run(new PrintStream(err), new PrintStream(err),
                args.toArray(String[]::new));
        assertEquals(0, rc, err.toString());
        return classes;
    }

    @Test
    void blogModelsMatchTheMigrationsAndEachEditGivesOneOperation() throws IOException {
        Path blog = dir.resolve("blog");
        Files.createDirectories(blog.resolve("migrations"));
        try (Stream<Path> m = Files.list(Servers.repo().resolve("examples/blog/migrations"))) {
            for (Path p : m.toList()) {
                Files.copy(p, blog.resolve("migrations").resolve(p.getFileName()));
            }
        }
        Path sources = dir.resolve("src");
        Path modelDir = Files.createDirectories(sources.resolve("blog/models"));
        for (String f : new String[] {"User.java", "Post.java"}) {
            Files.copy(Servers.repo().resolve("examples/blog/models/blog/models").resolve(f), modelDir.resolve(f));
        }
        Cli.Result same = Cli.run(blog, "makemigrations", "--check", "--models", compileModels(sources).toString());
        assertEquals(0, same.exitCode(), "models and migrations agree: " + same);

        Path post = modelDir.resolve("Post.java");
        String original = Files.readString(post);
        Files.writeString(post, original.replace("    String body;", "    String body;\n\n    int views;"));
        Path compiled = compileModels(sources);
        Cli.Result refused = Cli.run(blog, "makemigrations", "--name", "add_views", "--models", compiled.toString());
        assertEquals(1, refused.exitCode(), "an int without default is NOT NULL: lint refuses it\n" + refused);
        assertTrue(refused.err().contains("existing-rows/add-not-null-column"), refused.toString());
        Cli.Result added = Cli.run(blog, "makemigrations", "--name", "add_views", "--models", compiled.toString(),
                "--allow", "existing-rows/add-not-null-column");
        assertEquals(0, added.exitCode(), added.toString());
        assertTrue(added.out().contains("add column posts.views"), added.toString());
        assertEquals(3, migrations(blog).size());
        assertTrue(Files.readString(migrations(blog).get(2)).contains("\"op\": \"AddColumn\""));

        Files.writeString(post, original.replace("@Column(length = 200", "@Column(length = 250"));
        Cli.Result changed = Cli.run(blog, "makemigrations", "--dry-run", "--models", compileModels(sources).toString());
        String json = changed.out();
        assertTrue(json.contains("\"op\": \"DropColumn\"") && json.contains("\"name\": \"views\""),
                "views is gone again: one DropColumn carrying its definition\n" + json);
        assertTrue(json.contains("\"op\": \"AlterColumn\"") && json.contains("varchar(250)"), json);
        assertEquals(2, json.split("\"op\":", -1).length - 1, "exactly two operations:\n" + json);
    }
}
