package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import covet.engine.merge.BranchConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two branches each add a migration after the same parent; their folders are merged. migrate and makemigrations
 * stop naming both leaves; {@code makemigrations --merge} joins them unless they change the same objects.
 */
class MergeBranchesTest {
    static final String BASE = "20260101_000000_users";
    static final String PHONE = "20260102_000000_add_phone";
    static final String TAGS = "20260102_000100_create_tags";
    static final String EMAIL = "20260102_000200_widen_email";

    @TempDir
    Path dir;
    Project main;

    @BeforeEach
    void setUp() throws IOException {
        main = Project.sqlite(dir);
        main.write(BASE, List.of(), Project.createTable("users", Project.ID
                + ", {\"name\": \"email\", \"type\": \"varchar(100)\", \"nullable\": false}", ""));
        Files.writeString(dir.resolve("covet.yaml"), "url: jdbc:sqlite:" + dir.resolve("covet.db") + "\n");
    }

    /** Writes a branch's migration into its own folder, then copies the folder in, as a merge of branches does. */
    void branch(String name, String id, String op) throws IOException {
        Project branch = new Project(dir.resolve(name), main.url);
        branch.write(id, List.of(BASE), op);
        try (Stream<Path> files = Files.list(branch.migrations)) {
            for (Path p : files.toList()) {
                Files.copy(p, main.migrations.resolve(p.getFileName()));
            }
        }
    }

    void twoCompatibleBranches() throws IOException {
        branch("branch-a", PHONE, "{\"op\": \"AddColumn\", \"table\": \"users\", \"column\": "
                + "{\"name\": \"phone\", \"type\": \"varchar(20)\"}}");
        branch("branch-b", TAGS, Project.createTable("tags", Project.ID
                + ", {\"name\": \"label\", \"type\": \"varchar(50)\"}", ""));
    }

    @Test
    void migrateAndMakemigrationsStopNamingBothLeaves() throws IOException {
        main.covet().migrate();
        twoCompatibleBranches();
        BranchConflictException e = assertThrows(BranchConflictException.class, () -> main.covet().migrate());
        assertEquals(List.of(PHONE, TAGS), e.leaves());
        assertTrue(e.getMessage().contains("covet makemigrations --merge"), e.getMessage());
        assertEquals(List.of("covet_migrations", "users"), main.sqliteTables(), "nothing was applied");
        assertThrows(BranchConflictException.class, () -> main.covet().makeMigration(Schema.EMPTY));

        Cli.Result r = Cli.run(dir, "migrate");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains(PHONE) && r.err().contains(TAGS) && r.err().contains("makemigrations --merge"),
                r.toString());
    }

    @Test
    void makemigrationsMergeJoinsTheBranches() throws IOException {
        twoCompatibleBranches();
        Cli.Result r = Cli.run(dir, "makemigrations", "--merge");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("merges " + PHONE + ", " + TAGS), r.toString());
        Cli.Result migrate = Cli.run(dir, "migrate");
        assertEquals(0, migrate.exitCode(), migrate.toString());
        assertEquals(List.of("covet_migrations", "tags", "users"), main.sqliteTables());
        assertTrue(main.covet().inspect().table("users").orElseThrow().column("phone").isPresent());
        Cli.Result nothing = Cli.run(dir, "makemigrations", "--merge");
        assertEquals(0, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.out().contains("Nothing to merge"), nothing.toString());
    }

    @Test
    void branchesThatChangeTheSameColumnAreRefused() throws IOException {
        branch("branch-a", PHONE, "{\"op\": \"AlterColumn\", \"table\": \"users\", \"column\": "
                + "{\"name\": \"email\", \"type\": \"varchar(200)\", \"nullable\": false}}");
        branch("branch-b", EMAIL, "{\"op\": \"RenameColumn\", \"table\": \"users\", \"from\": \"email\", "
                + "\"to\": \"mail\"}");
        Cli.Result r = Cli.run(dir, "makemigrations", "--merge");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("column users.email"), r.toString());
        try (Stream<Path> files = Files.list(main.migrations)) {
            assertEquals(3, files.count(), "nothing was written");
        }
    }
}
