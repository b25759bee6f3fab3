package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint rules that depend on the database at hand, through the launcher on each server: PostgreSQL warns about a
 * CREATE INDEX without CONCURRENTLY and a rewriting type change, MariaDB about the table copy; warnings let
 * {@code migrate} through, and block it under {@code --strict}.
 */
class LintServersTest {
    static final String M1 = "20260101_000001_users";
    static final String M2 = "20260101_000002_age";
    static final String USERS = Project.createTable("users", Project.ID
            + ", {\"name\": \"email\", \"type\": \"varchar(100)\", \"nullable\": false}"
            + ", {\"name\": \"age\", \"type\": \"integer\"}", "");
    static final String INDEX_AGE = "{\"op\": \"CreateIndex\", \"table\": \"users\", \"index\": "
            + "{\"name\": \"ix_users_age\", \"columns\": [\"age\"]}}";
    static final String AGE_BIGINT = "{\"op\": \"AlterColumn\", \"table\": \"users\", "
            + "\"column\": {\"name\": \"age\", \"type\": \"bigint\"}, "
            + "\"previous\": {\"name\": \"age\", \"type\": \"integer\"}}";

    @TempDir
    Path dir;

    @Test
    void postgresql() throws SQLException {
        try (ServerDatabase db = ServerDatabase.postgres()) {
            check(db, List.of("WARNING lock/create-index " + M2 + " op 1 (CreateIndex: create index ix_users_age on"
                    + " users)", "WARNING rewrite/alter-type " + M2 + " op 2 (AlterColumn: alter column users.age)"));
        }
    }

    @Test
    void mariadb() throws SQLException {
        try (ServerDatabase db = ServerDatabase.mysql()) {
            check(db, List.of("WARNING rewrite/alter-type " + M2 + " op 2 (AlterColumn: alter column users.age)"));
        }
    }

    private void check(ServerDatabase db, List<String> expected) {
        Project p = db.project(dir);
        p.write(M1, List.of(), USERS);
        Cli.Result first = Cli.run(dir, "--url", db.url, "migrate");
        assertEquals(0, first.exitCode(), first.toString());
        p.write(M2, List.of(M1), INDEX_AGE, AGE_BIGINT);

        Cli.Result lint = Cli.run(dir, "--url", db.url, "lint");
        assertEquals(0, lint.exitCode(), "warnings do not block: " + lint);
        List<String> prefixes = lint.out().lines().map(l -> l.substring(0, l.indexOf("): ") + 1)).toList();
        assertEquals(expected, prefixes, lint.toString());
        assertTrue(lint.err().contains("lint: 1 migration (pending migrations)"), lint.toString());

        Cli.Result strict = Cli.run(dir, "--url", db.url, "migrate", "--strict");
        assertEquals(1, strict.exitCode(), strict.toString());
        assertTrue(strict.err().contains("migrate refused"), strict.toString());
        assertEquals(List.of(M1), db.query("SELECT name FROM covet_migrations ORDER BY id"));

        Cli.Result migrate = Cli.run(dir, "--url", db.url, "migrate");
        assertEquals(0, migrate.exitCode(), migrate.toString());
        assertEquals(List.of(M1, M2), db.query("SELECT name FROM covet_migrations ORDER BY id"));
    }
}
