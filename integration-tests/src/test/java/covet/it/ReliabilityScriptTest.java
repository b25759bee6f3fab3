package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, honest {@code --sql} scripts: a database whose history cannot be read is refused (a blind script would
 * re-apply everything); a FAILED MariaDB migration is scripted from its recorded progress on its own row; literals
 * (the app name) are quoted by the database's own rules, run through the real {@code mariadb} / {@code psql} client.
 */
class ReliabilityScriptTest {
    @TempDir
    Path tmp;

    private static String withCredentials(String url, String user, String password) {
        return url + (url.contains("?") ? "&" : "?") + "user=" + user + "&password=" + password;
    }

    @Test
    void aHistoryThatCannotBeReadIsRefusedNotScriptedBlind() throws Exception {
        ReliabilityMigrations.writeChain(tmp, 2);
        for (Kind kind : List.of(Kind.MYSQL, Kind.POSTGRES)) {
            try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
                Cli.Result ok = Cli.run(tmp, "migrate", "--url", db.url);
                assertEquals(0, ok.exitCode(), ok.toString());
                String wrong = "Wr0ng" + System.nanoTime();
                // MariaDB refuses root with a password it does not have; PostgreSQL (trust) an unknown role
                String url = kind == Kind.MYSQL ? withCredentials(db.url, "root", wrong)
                        : withCredentials(db.url, "covet_nosuch_" + System.nanoTime(), wrong);
                Cli.Result r = Cli.run(tmp, "migrate", "--sql", "--url", url);
                assertEquals(1, r.exitCode(), kind + "\n" + r);
                assertTrue(r.err().contains("cannot write the migrate script") && r.err().contains("history"),
                        kind + "\n" + r);
                assertFalse(r.out().contains("CREATE") || r.out().contains("INSERT"), "no script\n" + r);
                assertFalse(r.out().contains(wrong) || r.err().contains(wrong), r.toString());
                Cli.Result back = Cli.run(tmp, "rollback", "--sql", "--url", url);
                assertEquals(1, back.exitCode(), kind + "\n" + back);
                assertFalse(back.out().contains("DROP"), "no script\n" + back);
            }
        }
    }

    @Test
    void aFailedMariaDbMigrationIsScriptedFromItsProgressOnItsOwnRow() throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(Kind.MYSQL, tmp)) {
            String id = ReliabilityMigrations.id(1);
            List<String> ops = ReliabilityMigrations.chainOps(1);
            // the second operation fails on the server (c1 exists) after the first committed
            ReliabilityMigrations.write(tmp, id, null, List.of(ops.get(0),
                    ReliabilityMigrations.runSql("ALTER TABLE rel_t1 ADD COLUMN c1 int", ""), ops.get(2)));
            Cli.Result failed = Cli.run(tmp, "migrate", "--url", db.url);
            assertEquals(1, failed.exitCode(), failed.toString());
            assertEquals(List.of(id + "|1|3|FAILED"), db.history());

            // the fix, in the operation not yet applied
            ReliabilityMigrations.write(tmp, id, null, List.of(ops.get(0), ops.get(1), ops.get(2)));
            Cli.Result script = Cli.run(tmp, "migrate", "--sql", "--url", db.url);
            assertEquals(0, script.exitCode(), script.toString());
            assertFalse(script.out().contains("CREATE TABLE"), "the applied operation is not repeated\n" + script);
            assertFalse(script.out().contains("INSERT INTO"), "no second history row\n" + script);
            mariadb(db.name, script.out());
            assertEquals(List.of(id + "|3|3|APPLIED"), db.history());
            assertEquals(List.of("c1", "c2", "id"), db.columns("rel_t1"));
            Cli.Result again = Cli.run(tmp, "migrate", "--url", db.url);
            assertEquals(0, again.exitCode(), again.toString());
            assertTrue(again.out().contains("No migrations to apply"), again.toString());
        }
    }

    /** An app name that closes a standard literal under MySQL's backslash rule; the victim table must survive. */
    @Test
    void literalsAreQuotedByEachDatabasesOwnRules() throws Exception {
        String app = "o'b\\\\x'); DROP TABLE victim; -- \\";
        for (Kind kind : List.of(Kind.MYSQL, Kind.POSTGRES)) {
            try (ReliabilityDb db = ReliabilityDb.create(kind, tmp)) {
                Path project = Files.createDirectories(tmp.resolve(kind.name()));
                String id = ReliabilityMigrations.id(1);
                Path file = ReliabilityMigrations.write(project, id, null, List.of(ReliabilityMigrations.chainOps(1)
                        .get(0)));
                Files.writeString(file, Files.readString(file).replace("\"app\": \"default\"",
                        "\"app\": " + ReliabilityMigrations.json(app)));
                db.execute("CREATE TABLE victim (id int)");
                Cli.Result script = Cli.run(project, Map.of(), "migrate", "--sql", "--app", app, "--url", db.url);
                assertEquals(0, script.exitCode(), script.toString());
                if (kind == Kind.MYSQL) {
                    mariadb(db.name, script.out());
                } else {
                    psql(db.name, script.out());
                }
                assertTrue(db.tables().contains("victim"), kind + ": nothing else ran\n" + script);
                assertEquals(List.of(app), db.query("SELECT app FROM covet_migrations"), kind + "\n" + script);
            }
        }
    }

    private void mariadb(String database, String script) throws Exception {
        client(List.of("mariadb", "--protocol=tcp", "-h127.0.0.1", "-uroot", database), script, true);
    }

    private void psql(String database, String script) throws Exception {
        Path file = Files.writeString(tmp.resolve("script-" + System.nanoTime() + ".sql"), script);
        client(List.of("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q",
                "-f", file.toString()), "", false);
    }

    private void client(List<String> command, String script, boolean stdin) throws Exception {
        Path file = Files.writeString(tmp.resolve("in-" + System.nanoTime() + ".sql"), script);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(stdin ? file.toFile() : new File("/dev/null"));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), command.get(0) + " ran the script:\n" + out + "\n" + script);
    }
}
