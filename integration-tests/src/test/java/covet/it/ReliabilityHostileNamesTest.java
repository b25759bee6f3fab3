package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.engine.Covet;
import covet.engine.config.ConfigLoader;
import covet.engine.config.CovetConfig;
import covet.engine.plugin.PluginRegistry;
import covet.it.ReliabilityDb.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Names that break naive SQL: reserved words, quotes of every kind, spaces, hyphens, unicode, mixed case, and names
 * exactly at the database's identifier limit (PostgreSQL 63 bytes, MySQL 64 characters; SQLite has none, 200 is
 * used). Each goes through create, alter, introspect, an empty diff against the live schema, and rollback.
 */
class ReliabilityHostileNamesTest {
    @TempDir
    Path tmp;

    /** Hostile names for {@code kind}: [table1, table2, col reserved, col quotes, col space/hyphen, col unicode,
     *  col mixed case, col at the limit, index, fk, check, added column, renamed column, index at the limit]. */
    static List<String> names(Kind kind) {
        String limit;
        String indexLimit;
        switch (kind) {
            case POSTGRES -> {
                limit = "c" + "é".repeat(31);                 // 1 + 31 * 2 = 63 bytes
                indexLimit = "ix_" + "x".repeat(60);            // 63 bytes
            }
            case MYSQL -> {
                limit = "c" + "é".repeat(63);                 // 64 characters
                indexLimit = "ix_" + "x".repeat(61);            // 64 characters
            }
            default -> {
                limit = "c" + "é".repeat(199);
                indexLimit = "ix_" + "x".repeat(197);
            }
        }
        return List.of("select", "Order-Items ünï \"q\" 'a' `b`", "group", "a\"b'c`d", "my col-umn", "naïve 表",
                "MixedCase", limit, "ix \"odd\" name", "fk-order's parent", "ck order", "table", "from", indexLimit);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void hostileNamesCreateAlterIntrospectDiffEmptyAndRollBack(Kind kind) throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
            List<String> n = names(kind);
            String t1 = n.get(0);
            String t2 = n.get(1);
            String q = kind == Kind.MYSQL ? "`" : "\"";
            String checkExpr = quote(n.get(2), q) + " >= 0";
            String m1 = "20260101_000001_hostile";
            String m2 = "20260101_000002_hostile_alter";
            ReliabilityMigrations.write(tmp, m1, null, List.of(
                    "{\"op\": \"CreateTable\", \"table\": {\"name\": " + j(t1) + ", \"columns\": ["
                            + "{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false},"
                            + col(n.get(2), "integer") + "," + col(n.get(3), "varchar(20)") + ","
                            + col(n.get(4), "varchar(20)") + "," + col(n.get(5), "text") + ","
                            + col(n.get(6), "integer") + "," + col(n.get(7), "integer") + "],"
                            + " \"primaryKey\": {\"columns\": [\"id\"]},"
                            + " \"indexes\": [{\"name\": " + j(n.get(8)) + ", \"columns\": [" + j(n.get(3)) + ", "
                            + j(n.get(6)) + "]}],"
                            + " \"checks\": [{\"name\": " + j(n.get(10)) + ", \"expression\": " + j(checkExpr) + "}]}}",
                    "{\"op\": \"CreateTable\", \"table\": {\"name\": " + j(t2) + ", \"columns\": ["
                            + "{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false},"
                            + col(n.get(2), "integer") + "], \"primaryKey\": {\"columns\": [\"id\"]},"
                            + " \"foreignKeys\": [{\"name\": " + j(n.get(9)) + ", \"columns\": [" + j(n.get(2))
                            + "], \"references\": {\"table\": " + j(t1) + ", \"columns\": [\"id\"]},"
                            + " \"onDelete\": \"CASCADE\"}]}}"));
            ReliabilityMigrations.write(tmp, m2, m1, List.of(
                    "{\"op\": \"AddColumn\", \"table\": " + j(t1) + ", \"column\": " + col(n.get(11), "bigint") + "}",
                    "{\"op\": \"RenameColumn\", \"table\": " + j(t1) + ", \"from\": " + j(n.get(4)) + ", \"to\": "
                            + j(n.get(12)) + "}",
                    "{\"op\": \"CreateIndex\", \"table\": " + j(t1) + ", \"index\": {\"name\": " + j(n.get(13))
                            + ", \"columns\": [" + j(n.get(11)) + ", " + j(n.get(7)) + "], \"unique\": true}}"));

            Covet covet = covet(db.url);
            assertEquals(2, covet.migrate().size());
            List<String> tables = db.tables();
            assertTrue(tables.contains(t1) && tables.contains(t2), tables.toString());
            assertEquals(List.of(n.get(2), n.get(3), n.get(12), n.get(5), n.get(6), n.get(7), n.get(11), "id")
                    .stream().sorted().toList(), db.columns(t1));

            Schema live = covet(db.url).inspect();
            Table table1 = live.table(t1).orElseThrow(() -> new AssertionError(t1 + " not introspected: " + live));
            assertTrue(table1.index(n.get(8)).isPresent(), table1.toString());
            // MySQL keeps a unique index and a unique constraint as one thing: either reading is right
            assertTrue(table1.index(n.get(13)).isPresent()
                    || table1.uniques().stream().anyMatch(u -> u.name().equals(n.get(13))), table1.toString());
            Table table2 = live.table(t2).orElseThrow();
            assertEquals(n.get(9), table2.foreignKeys().get(0).name(), table2.toString());
            if (kind != Kind.MYSQL || !table1.checks().isEmpty()) {
                assertEquals(n.get(10), table1.checks().get(0).name(), table1.toString());
            }

            Optional<covet.api.migration.Migration> diff = covet(db.url).makeMigration(live);
            assertTrue(diff.isEmpty(), "the live schema equals the migrations' schema, names and all: "
                    + diff.map(m -> m.operations().toString()).orElse(""));

            // the inserted row proves the constraints work with these names
            db.execute("INSERT INTO " + quote(t1, q) + " (id, " + quote(n.get(2), q) + ", " + quote(n.get(3), q)
                    + ") VALUES (1, 5, 'x')", "INSERT INTO " + quote(t2, q) + " (id, " + quote(n.get(2), q)
                    + ") VALUES (1, 1)");

            covet(db.url).rollback();
            assertEquals(List.of(n.get(2), n.get(3), n.get(4), n.get(5), n.get(6), n.get(7), "id").stream()
                    .sorted().toList(), db.columns(t1));
            covet(db.url).rollback();
            assertEquals(List.of("covet_migrations"), db.tables());
            assertEquals(List.of(), db.history());
        }
    }

    private Covet covet(String url) {
        CovetConfig config = new ConfigLoader(tmp, Map.<String, String>of()::get)
                .load(new ConfigLoader.Options(url, null, null, null));
        return new Covet(config, PluginRegistry.discover());
    }

    private static String quote(String name, String q) {
        return q + name.replace(q, q + q) + q;
    }

    private static String col(String name, String type) {
        return "{\"name\": " + j(name) + ", \"type\": \"" + type + "\"}";
    }

    private static String j(String s) {
        return ReliabilityMigrations.json(s);
    }
}
