package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.engine.Covet;
import covet.engine.MigrationStatus;
import covet.engine.load.MigrationLoader;
import covet.engine.run.MigrationResult;
import covet.engine.squash.ReplacementIndex;
import covet.engine.squash.SquashException;
import covet.engine.squash.SquashFiles;
import covet.engine.squash.SquashPlan;
import covet.engine.squash.Squasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Squashing the blog example's migrations (plus three later ones that give the optimizer work) keeps what
 * {@code inspect} reads identical: on a new database, on one that applied all the old ones, and on one that applied
 * only some of them. SQLite files, through the engine's front door.
 */
class SquashBlogTest {
    static final String USERS = "20261124_100000_create_users";
    static final String POSTS = "20261124_100100_create_posts";
    static final String BIO = "20261124_100200_add_bio";
    static final String BIO_WIDER = "20261124_100300_widen_bio";
    static final String RENAME = "20261124_100400_rename_body";
    static final String LATER = "20261124_100500_add_slug";
    static final String SQUASH = "20261124_100000_squashed_rename_body";
    static final List<String> RANGE = List.of(USERS, POSTS, BIO, BIO_WIDER, RENAME);

    @TempDir
    Path dir;

    /** The inspected schema of a database that applied the old migrations, none squashed. */
    Schema reference;

    @BeforeEach
    void writeProject() throws IOException {
        reference = null;
        Path blog = Servers.repo().resolve("examples/blog/migrations");
        Files.createDirectories(dir.resolve("migrations"));
        try (Stream<Path> files = Files.list(blog)) {
            for (Path p : files.toList()) {
                Files.copy(p, dir.resolve("migrations").resolve(p.getFileName()));
            }
        }
        Project p = project("reference");
        p.write(BIO, List.of(POSTS), "{\"op\": \"AddColumn\", \"table\": \"users\", \"column\": "
                + "{\"name\": \"bio\", \"type\": \"varchar(100)\"}}");
        p.write(BIO_WIDER, List.of(BIO), "{\"op\": \"AlterColumn\", \"table\": \"users\", \"column\": "
                + "{\"name\": \"bio\", \"type\": \"text\"}, \"previous\": {\"name\": \"bio\", \"type\": \"varchar(100)\"}}");
        p.write(RENAME, List.of(BIO_WIDER), "{\"op\": \"RenameColumn\", \"table\": \"posts\", \"from\": \"body\", "
                + "\"to\": \"content\"}");
        p.write(LATER, List.of(RENAME), "{\"op\": \"AddColumn\", \"table\": \"posts\", \"column\": "
                + "{\"name\": \"slug\", \"type\": \"varchar(200)\"}}");
        p.covet().migrate();
        reference = p.covet().inspect();
        assertTrue(reference.table("posts").orElseThrow().column("content").isPresent(), reference.toString());
    }

    /** A project on the shared migrations folder with a database file of its own. */
    Project project(String database) {
        return new Project(dir, "jdbc:sqlite:" + dir.resolve(database + ".db"));
    }

    SquashPlan squash() {
        Covet covet = project("reference").covet();
        List<Migration> files = new MigrationLoader(covet.registry()).load(dir.resolve("migrations"));
        SquashPlan plan = Squasher.plan(files, ReplacementIndex.beside(files, null), "default", USERS, RENAME, null);
        SquashFiles.write(dir.resolve("migrations"), covet.registry().writer("json"), plan);
        return plan;
    }

    static List<String> ids(List<MigrationResult> results) {
        return results.stream().map(MigrationResult::id).toList();
    }

    @Test
    void theSquashHasFewerOperationsAndListsWhatItReplaces() throws IOException {
        SquashPlan plan = squash();
        assertEquals(SQUASH, plan.squashed().id());
        assertEquals(RANGE, plan.replaces());
        assertEquals(2, plan.squashed().operations().size(), plan.squashed().operations().toString());
        assertTrue(plan.operationsBefore() > 2);
        List<String> sidecar = Files.readAllLines(dir.resolve("migrations/" + SQUASH + ".replaces")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertEquals(RANGE, sidecar);
        String json = Files.readString(dir.resolve("migrations/" + SQUASH + ".json"));
        assertTrue(json.contains("\"content\"") && !json.contains("RenameColumn"), json);
    }

    @Test
    void aNewDatabaseRunsTheSquashAndGetsTheSameSchema() {
        squash();
        Project fresh = project("fresh");
        assertEquals(List.of(SQUASH, LATER), ids(fresh.covet().migrate()));
        assertEquals(reference, fresh.covet().inspect());
        assertEquals(List.of(SQUASH, LATER), fresh.query("SELECT name FROM covet_migrations ORDER BY id"));
        assertEquals(List.of(MigrationStatus.APPLIED, MigrationStatus.APPLIED),
                fresh.covet().status().stream().map(MigrationStatus::state).toList());
    }

    @Test
    void aDatabaseThatAppliedTheOldOnesIsUpToDate() {
        squash();
        Project old = project("reference");
        assertEquals(List.of(), old.covet().migrate(), "nothing to apply");
        assertEquals(reference, old.covet().inspect());
        assertEquals(List.of("0"), old.query("SELECT count(*) FROM covet_migrations WHERE name = '" + SQUASH + "'"),
                "the old rows stand for the squash; its sidecar says so");
        List<MigrationStatus> status = old.covet().status();
        assertEquals(List.of(SQUASH, LATER), status.stream().map(MigrationStatus::id).toList());
        assertTrue(status.stream().allMatch(s -> s.state().equals(MigrationStatus.APPLIED)), status.toString());
    }

    @Test
    void aDatabaseThatAppliedSomeGetsTheRestOfTheOldOnes() {
        Project partial = project("partial");
        partial.covet().migrate(POSTS);
        squash();
        assertEquals(List.of(BIO, BIO_WIDER, RENAME, LATER), ids(partial.covet().migrate()));
        assertEquals(reference, partial.covet().inspect());
        assertEquals(List.of(), partial.covet().migrate(), "and then it is up to date");
    }

    @Test
    void theOldFilesCanGoOnceEveryDatabaseIsPastThem() throws IOException {
        squash();
        Project old = project("reference");
        old.covet().migrate();
        for (String id : RANGE) {
            Files.delete(dir.resolve("migrations/" + id + ".json"));
        }
        assertEquals(List.of(), old.covet().migrate());
        assertTrue(old.covet().check().isEmpty(), old.covet().check().toString());
        Project fresh = project("fresh");
        assertEquals(List.of(SQUASH, LATER), ids(fresh.covet().migrate()));
        assertEquals(reference, fresh.covet().inspect());
        Project partial = project("partial");
        partial.execute("CREATE TABLE covet_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(255) "
                + "NOT NULL, app VARCHAR(100) NOT NULL, applied_at TIMESTAMP NOT NULL, checksum VARCHAR(64) NOT NULL, "
                + "execution_ms BIGINT NOT NULL, operations_applied INTEGER NOT NULL, operations_total INTEGER NOT NULL, "
                + "status VARCHAR(16) NOT NULL)",
                "INSERT INTO covet_migrations (name, app, applied_at, checksum, execution_ms, operations_applied, "
                        + "operations_total, status) VALUES ('" + USERS + "', 'default', CURRENT_TIMESTAMP, 'x', 0, 1, 1, "
                        + "'APPLIED')");
        SquashException e = assertThrows(SquashException.class, () -> partial.covet().migrate());
        assertTrue(e.getMessage().contains(POSTS), e.getMessage());
    }

    @Test
    void rollingBackTheSquashForgetsTheOldRowsToo() {
        squash();
        Project old = project("reference");
        old.covet().migrate();
        old.covet().rollback();
        old.covet().rollback();
        assertEquals(List.of("0"), old.query("SELECT count(*) FROM covet_migrations"));
        assertEquals(List.of("covet_migrations"), old.sqliteTables());
        assertEquals(List.of(SQUASH, LATER), ids(old.covet().migrate()), "and it migrates like a new one");
        assertEquals(reference, old.covet().inspect());
    }

    @Test
    void theCommandLineSquashesAndMigrates() throws IOException {
        Files.writeString(dir.resolve("covet.yaml"), "url: jdbc:sqlite:" + dir.resolve("cli.db") + "\n");
        Cli.Result r = Cli.run(dir, "squash", USERS, RENAME);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("replaces 5 migrations"), r.toString());
        assertTrue(Files.exists(dir.resolve("migrations/" + SQUASH + ".json")));
        Cli.Result again = Cli.run(dir, "squash", USERS, RENAME);
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("already replaced by " + SQUASH), again.toString());
        Cli.Result migrate = Cli.run(dir, "migrate");
        assertEquals(0, migrate.exitCode(), migrate.toString());
        assertTrue(migrate.out().contains("Applied " + SQUASH), migrate.toString());
        assertFalse(migrate.out().contains("Applied " + USERS), migrate.toString());
        assertEquals(reference, project("cli").covet().inspect());
    }
}
