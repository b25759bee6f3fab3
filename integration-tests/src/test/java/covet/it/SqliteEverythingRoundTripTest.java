package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import covet.api.migration.Migration;
import covet.engine.Covet;
import covet.engine.questioner.Questioner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16's acceptance: a schema file, loaded by the sqlite3 shell into one database and built by Covet
 * (makemigrations from the file, migrate) into another, gives the same {@code .schema} ({@link SqliteShell}, not
 * Covet's introspector); {@code makemigrations --check} then finds nothing, nor does the inspected schema fed back as
 * a JSON schema file; rollback empties the database.
 */
class SqliteEverythingRoundTripTest {
    /** Every kind of schema object SQLite has, each written as a user would. */
    static final String EVERY_KIND = """
            -- a STRICT table with collations, a generated column and an index with a collation per key
            CREATE TABLE account (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL COLLATE NOCASE,
                name TEXT COLLATE RTRIM,
                code TEXT COLLATE BINARY,
                balance INTEGER NOT NULL DEFAULT 0,
                doubled INTEGER GENERATED ALWAYS AS (balance * 2) VIRTUAL,
                label TEXT AS (upper(name)) STORED
            ) STRICT;
            CREATE UNIQUE INDEX account_email ON account (email);
            CREATE INDEX account_name ON account (name COLLATE NOCASE DESC);
            /* a WITHOUT ROWID table */
            CREATE TABLE "setting" ([key] TEXT PRIMARY KEY, `value` TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE entry (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                account_id INTEGER NOT NULL,
                amount INTEGER NOT NULL CHECK (amount BETWEEN -1000000 AND 1000000),
                ref TEXT UNIQUE,
                parent_id INTEGER REFERENCES entry (id) ON DELETE SET NULL,
                note varchar(200) COLLATE NOCASE,
                CONSTRAINT fk_entry_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
                CONSTRAINT amount_not_zero CHECK (amount <> 0),
                CHECK (note IS NULL OR length(note) > 0),
                UNIQUE (account_id, ref)
            );
            CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT NOT NULL, at TEXT DEFAULT CURRENT_TIMESTAMP);
            CREATE VIEW balances AS SELECT a.id, a.email, sum(e.amount) AS total
                FROM account a JOIN entry e ON e.account_id = a.id GROUP BY a.id;
            CREATE VIEW big_balances AS SELECT * FROM balances WHERE total > 100;
            CREATE TRIGGER entry_ai AFTER INSERT ON entry FOR EACH ROW
            BEGIN
                UPDATE account SET balance = balance + new.amount WHERE id = new.account_id;
                INSERT INTO audit (what) VALUES (CASE WHEN new.amount > 0 THEN 'credit' ELSE 'debit' END);
            END;
            CREATE TRIGGER entry_bu BEFORE UPDATE OF amount ON entry WHEN new.amount = 0
            BEGIN
                SELECT RAISE(ABORT, 'zero; not allowed');
            END;
            CREATE TRIGGER entry_ad AFTER DELETE ON entry BEGIN
                INSERT INTO audit (what) VALUES ('deleted ' || old.id);
            END;
            CREATE TRIGGER balances_del INSTEAD OF DELETE ON balances BEGIN
                DELETE FROM entry WHERE account_id = old.id;
            END;
            CREATE VIRTUAL TABLE doc USING fts5(title, body, tokenize = 'porter');
            CREATE VIRTUAL TABLE box USING rtree(id, min_x, max_x, min_y, max_y);
            """;

    @TempDir
    Path dir;

    @Test
    void aSchemaWithEveryKindRoundTrips() throws IOException {
        Path file = Files.writeString(dir.resolve("every-kind.sql"), EVERY_KIND);
        roundTrip("every kind", file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sakila", "chinook", "chinook-autoincrement", "tbls-testdata"})
    void sharedSchemasRoundTripWithTheirExtras(String dataset) throws IOException {
        Path shared = Servers.sharedSchemas();
        if (shared == null) {
            if (Servers.required("schemas")) {
                fail("../shared/schemas is missing and COVET_TEST_REQUIRE names schemas");
            }
            Assumptions.abort("../shared/schemas not found: sample-schema round trips skipped");
        }
        List<Path> parts = new ArrayList<>(List.of(shared.resolve(dataset).resolve("sqlite.sql")));
        Path extras = shared.resolve(dataset).resolve("sqlite-extras.sql");
        if (Files.exists(extras)) {
            parts.add(extras);
        }
        // one schema file, as a user keeps it: the core, then views and triggers
        StringBuilder whole = new StringBuilder();
        for (Path p : parts) {
            whole.append(Files.readString(p)).append("\n;\n");
        }
        roundTrip(dataset, Files.writeString(dir.resolve(dataset + ".sql"), whole.toString()));
    }

    private void roundTrip(String what, Path file) throws IOException {
        Path reference = dir.resolve(what.replace(' ', '-') + "-reference.db");
        SqliteShell.load(reference, file);

        Project built = Project.sqlite(Files.createDirectories(dir.resolve(what.replace(' ', '-'))));
        Covet covet = built.covet();
        Migration m = covet.makeMigration(covet.desiredSchema(file, null), "initial", Questioner.NO_RENAMES)
                .orElseThrow();
        covet.writeMigration(m, "json");
        built.covet().migrate(null, false, r -> { });

        Path db = built.root.resolve("covet.db");
        List<String> expected = SqliteShell.schema(reference, covet.dialect());
        assertTrue(expected.size() >= 5, what + " has its statements: " + expected);
        SqliteShell.assertSame(expected, SqliteShell.schema(db, covet.dialect()), what);

        Cli.Result check = Cli.run(built.root, "--url", built.url, "makemigrations", "--schema", file.toString(),
                "--check");
        assertEquals(0, check.exitCode(), check.toString());

        // the inspected schema (tables, options and objects) written as a JSON schema file and read back: no change
        Covet fresh = built.covet();
        Path json = Files.writeString(dir.resolve(what.replace(' ', '-') + ".json"),
                fresh.registry().writer("json").writeSchema(fresh.inspect()));
        assertEquals(java.util.Optional.empty(), fresh.makeMigration(fresh.desiredSchema(json, null), null,
                Questioner.NO_RENAMES).map(Migration::operations), "inspect output fed back gives no change");

        built.covet().rollback(null, false, r -> { });
        assertEquals(List.of("covet_migrations"), built.sqliteTables());
        assertEquals(List.of(), SqliteShell.schema(db, covet.dialect()).stream()
                .filter(s -> !s.contains("COVET_MIGRATIONS")).toList(), "rollback empties " + what);
    }
}
