package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Schema;
import covet.engine.Covet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SquashBlogTest's three database situations on PostgreSQL and MariaDB: a new database runs the squash, one that
 * applied the old migrations is up to date, one that applied some gets the rest; {@code inspect} reads the same.
 */
class SquashServersTest {
    @TempDir
    Path dir;

    private ServerDatabase database(String server) {
        return server.equals("postgresql") ? ServerDatabase.postgres() : ServerDatabase.mysql();
    }

    private Project project(ServerDatabase db) {
        return new Project(dir, db.url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void squashIsRecognisedOnEveryKindOfDatabase(String server) throws Exception {
        try (ServerDatabase old = database(server); ServerDatabase partial = database(server);
             ServerDatabase fresh = database(server)) {
            Files.createDirectories(dir.resolve("migrations"));
            try (Stream<Path> files = Files.list(Servers.repo().resolve("examples/blog/migrations"))) {
                for (Path p : files.toList()) {
                    Files.copy(p, dir.resolve("migrations").resolve(p.getFileName()));
                }
            }
            Project reference = project(old);
            reference.write(SquashBlogTest.BIO, List.of(SquashBlogTest.POSTS), "{\"op\": \"AddColumn\", \"table\": "
                    + "\"users\", \"column\": {\"name\": \"bio\", \"type\": \"varchar(100)\"}}");
            reference.write(SquashBlogTest.BIO_WIDER, List.of(SquashBlogTest.BIO), "{\"op\": \"AlterColumn\", "
                    + "\"table\": \"users\", \"column\": {\"name\": \"bio\", \"type\": \"text\"}, \"previous\": "
                    + "{\"name\": \"bio\", \"type\": \"varchar(100)\"}}");
            reference.write(SquashBlogTest.RENAME, List.of(SquashBlogTest.BIO_WIDER), "{\"op\": \"RenameColumn\", "
                    + "\"table\": \"posts\", \"from\": \"body\", \"to\": \"content\"}");
            reference.write(SquashBlogTest.LATER, List.of(SquashBlogTest.RENAME), "{\"op\": \"AddColumn\", "
                    + "\"table\": \"posts\", \"column\": {\"name\": \"slug\", \"type\": \"varchar(200)\"}}");
            project(partial).covet().migrate(SquashBlogTest.POSTS);
            reference.covet().migrate();
            Schema expected = reference.covet().inspect();

            Cli.Result squash = Cli.run(dir, "squash", SquashBlogTest.USERS, SquashBlogTest.RENAME, "--url", old.url);
            assertEquals(0, squash.exitCode(), squash.toString());

            Covet onOld = project(old).covet();
            assertEquals(List.of(), onOld.migrate(), server + ": the old rows stand for the squash");
            assertEquals(expected, onOld.inspect());

            Covet onFresh = project(fresh).covet();
            assertEquals(List.of(SquashBlogTest.SQUASH, SquashBlogTest.LATER),
                    SquashBlogTest.ids(onFresh.migrate()));
            assertEquals(expected, project(fresh).covet().inspect());

            Covet onPartial = project(partial).covet();
            assertEquals(List.of(SquashBlogTest.BIO, SquashBlogTest.BIO_WIDER, SquashBlogTest.RENAME,
                    SquashBlogTest.LATER), SquashBlogTest.ids(onPartial.migrate()));
            assertEquals(expected, project(partial).covet().inspect());
        }
    }
}
