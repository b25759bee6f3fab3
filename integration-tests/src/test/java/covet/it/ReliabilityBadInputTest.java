package covet.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.it.ReliabilityDb.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real launcher: exit 1 (2 for usage), one message naming the file or setting and what is
 * wrong, and a database left byte for byte as it was. One good migration is applied first, so that "untouched"
 * means something. Cases covered elsewhere are listed in docs/reliability.md.
 */
class ReliabilityBadInputTest {
    static final String M1 = ReliabilityMigrations.id(1);
    static final String M2 = "20260101_000002_bad";

    @TempDir
    Path tmp;
    Path dbFile;
    String url;

    @BeforeEach
    void applyOneGoodMigration() {
        dbFile = tmp.resolve("covet.db");
        url = "jdbc:sqlite:" + dbFile;
        ReliabilityMigrations.write(tmp, M1, null, ReliabilityMigrations.chainOps(1));
        Cli.Result r = ReliabilityProcess.run(tmp, "migrate", "--url", url);
        assertEquals(0, r.exitCode(), r.toString());
    }

    /** Runs migrate on the bad input: exit {@code code}, stderr holds every {@code expected}, the file unchanged. */
    private Cli.Result assertRefused(int code, String... expected) throws Exception {
        byte[] before = Files.readAllBytes(dbFile);
        Cli.Result r = ReliabilityProcess.run(tmp, "migrate", "--url", url);
        assertEquals(code, r.exitCode(), r.toString());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "'" + e + "' in\n" + r);
        }
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("error: ")), r.toString());
        assertFalse(r.err().contains("\tat "), "no stack trace\n" + r);
        assertArrayEquals(before, Files.readAllBytes(dbFile), "the database file is byte for byte unchanged");
        return r;
    }

    private Path writeBad(String operationsJson) {
        return ReliabilityMigrations.write(tmp, M2, M1, List.of(operationsJson));
    }

    @Test
    void unknownOperation() throws Exception {
        Path f = writeBad("{\"op\": \"CreateTabel\", \"table\": \"x\"}");
        assertRefused(1, f.toString(), "unknown operation 'CreateTabel'");
    }

    @Test
    void missingField() throws Exception {
        Path f = writeBad("{\"op\": \"AddColumn\", \"table\": \"rel_t1\"}");
        assertRefused(1, f.toString(), "missing field 'column'");
    }

    @Test
    void wrongType() throws Exception {
        Path f = writeBad("{\"op\": \"AddColumn\", \"table\": \"rel_t1\", \"column\": {\"name\": \"c9\", "
                + "\"type\": \"integer\", \"nullable\": \"no\"}}");
        assertRefused(1, f.toString(), "nullable: expected a boolean, found a string");
    }

    @Test
    void newerFileFormat() throws Exception {
        Path f = ReliabilityMigrations.write(tmp, M2, M1, List.of());
        Files.writeString(f, Files.readString(f).replace("\"format\": 1", "\"format\": 3"));
        assertRefused(1, f.toString(), "format 3", "upgrade Covet");
    }

    @Test
    void duplicateMigrationIdNamesBothFiles() throws Exception {
        Path json = ReliabilityMigrations.write(tmp, M2, M1, List.of());
        // the same id twice in one folder: the format is found by extension, in any case
        Path upper = Files.copy(json, json.resolveSibling(M2 + ".JSON"));
        assertRefused(1, "migration id " + M2 + " is declared twice", json.toString(), upper.toString());
    }

    @Test
    void dependencyCycleNamesTheMigrations() throws Exception {
        String a = "20260101_000003_a";
        String b = "20260101_000004_b";
        ReliabilityMigrations.write(tmp, a, b, List.of());
        ReliabilityMigrations.write(tmp, b, a, List.of());
        assertRefused(1, a, b, "cycle");
    }

    @Test
    void missingDependencyNamesBothEnds() throws Exception {
        String missing = "20250101_000000_never_written";
        ReliabilityMigrations.write(tmp, M2, missing, List.of());
        assertRefused(1, M2, missing);
    }

    @Test
    void deletedAppliedMigrationIsNamed() throws Exception {
        Files.delete(tmp.resolve("migrations/" + M1 + ".json"));
        assertRefused(1, M1, "no file");
    }

    @Test
    void changedAppliedMigrationNamesTheFile() throws Exception {
        Path f = tmp.resolve("migrations/" + M1 + ".json");
        Files.writeString(f, Files.readString(f).replace("varchar(40)", "varchar(41)"));
        assertRefused(1, f.toString(), "changed after it was applied");
    }

    @Test
    void configValueOfTheWrongTypeIsBadUsageNamingTheKeyAndFile() throws Exception {
        Path config = Files.writeString(tmp.resolve("covet.yaml"), "url: " + url + "\nlock_timeout_seconds: soon\n");
        byte[] before = Files.readAllBytes(dbFile);
        Cli.Result r = ReliabilityProcess.run(tmp, "migrate");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("lock_timeout_seconds") && r.err().contains(config.getFileName().toString()),
                r.toString());
        assertArrayEquals(before, Files.readAllBytes(dbFile));
    }

    @Test
    void unreachableHostAndPortNameTheSettingsTheyCameFrom() {
        Cli.Result r = Cli.run(tmp, Map.of("DB_ENGINE", "postgresql", "DB_HOST", "127.0.0.1", "DB_PORT", "1",
                "DB_NAME", "nowhere", "DB_USER", "someone"), "migrate");
        assertEquals(1, r.exitCode(), r.toString());
        for (String e : new String[] {"cannot connect", "127.0.0.1:1", "DB_ENGINE", "DB_USER"}) {
            assertTrue(r.err().contains(e), "'" + e + "' in\n" + r);
        }
        Cli.Result unknownHost = ReliabilityProcess.run(tmp, "migrate", "--url",
                "jdbc:mysql://no-such-host.invalid:3306/x?user=u&connectTimeout=3000");
        assertEquals(1, unknownHost.exitCode(), unknownHost.toString());
        assertTrue(unknownHost.err().contains("no-such-host.invalid:3306") && unknownHost.err().contains("--url"),
                unknownHost.toString());
    }

    /** A real MariaDB account that needs a password: the wrong one is refused and never echoed. */
    @Test
    void wrongMariaDbPasswordIsRefusedWithoutPrintingIt() throws Exception {
        try (ReliabilityDb db = ReliabilityDb.create(Kind.MYSQL, tmp)) {
            String user = "covet_u_" + UUID.randomUUID().toString().substring(0, 8);
            String right = "Right-" + UUID.randomUUID();
            String wrong = "Wr0ngPassw0rd-" + UUID.randomUUID();
            try (Connection admin = db.connectAdmin(); Statement s = admin.createStatement()) {
                s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + right + "'");
                s.execute("CREATE USER '" + user + "'@'localhost' IDENTIFIED BY '" + right + "'");
                s.execute("GRANT ALL ON `" + db.name + "`.* TO '" + user + "'@'%'");
                s.execute("GRANT ALL ON `" + db.name + "`.* TO '" + user + "'@'localhost'");
            }
            try {
                String base = ReliabilityDb.withDatabase("jdbc:mysql://127.0.0.1:3306/?useSSL=false", db.name);
                String host = db.url.substring(0, db.url.indexOf('?'));
                Cli.Result r = Cli.run(tmp, Map.of("DB_USER", user, "DB_PASSWORD", wrong), "migrate", "--url",
                        host + "?useSSL=false&allowPublicKeyRetrieval=true");
                assertEquals(1, r.exitCode(), r.toString());
                assertFalse(r.out().contains(wrong) || r.err().contains(wrong), "the password is never printed\n" + r);
                assertTrue(r.err().contains("cannot connect") && r.err().contains(user), r.toString());
                assertTrue(r.err().toLowerCase().contains("access denied"), r.toString());
                Cli.Result viaUrl = Cli.run(tmp, "migrate", "--url", host + "?useSSL=false&user=" + user
                        + "&password=" + wrong);
                assertEquals(1, viaUrl.exitCode(), viaUrl.toString());
                assertFalse(viaUrl.out().contains(wrong) || viaUrl.err().contains(wrong), viaUrl.toString());
                assertEquals(List.of(), db.tables(), "nothing was created " + base);

                Cli.Result good = Cli.run(tmp, Map.of("DB_USER", user, "DB_PASSWORD", right), "migrate", "--url",
                        host + "?useSSL=false&allowPublicKeyRetrieval=true");
                assertEquals(0, good.exitCode(), "the right password works: the test proves the account\n" + good);
                assertFalse(good.out().contains(right) || good.err().contains(right), good.toString());
            } finally {
                try (Connection admin = db.connectAdmin(); Statement s = admin.createStatement()) {
                    s.execute("DROP USER IF EXISTS '" + user + "'@'%'");
                    s.execute("DROP USER IF EXISTS '" + user + "'@'localhost'");
                }
            }
        }
    }
}
