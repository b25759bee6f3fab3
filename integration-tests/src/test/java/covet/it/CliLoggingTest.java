package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's logging and finish, through the built launcher: {@code -v} prints every statement, {@code -q} nothing
 * but errors, a user's logback.xml (in the project, or named by {@code -Dlogback.configurationFile}) decides the
 * output; "did you mean", shell completion, help that keeps URLs whole, connection errors that name the cause.
 */
class CliLoggingTest {
    @TempDir
    Path dir;

    private Path blog() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        try (Stream<Path> files = Files.list(Servers.repo().resolve("examples/blog/migrations"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, migrations.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void verbosePrintsEveryStatementAndQuietNothing() throws IOException {
        blog();
        Cli.Result r = Cli.run(dir, "-v", "migrate");
        assertEquals(0, r.exitCode(), r.toString());
        // every statement of both migrations, and the history's, at DEBUG on covet.sql
        for (String sql : List.of("CREATE TABLE \"users\"", "CREATE TABLE \"posts\"", "CREATE INDEX \"ix_posts_title\"",
                "CREATE TABLE \"covet_migrations\"", "INSERT INTO \"covet_migrations\"")) {
            assertTrue(r.err().contains(sql), sql + "\n" + r);
        }
        assertTrue(r.err().contains("INFO run: Migrated 20261124_100100_create_posts (2 operations, "), r.toString());
        Cli.Result quiet = Cli.run(dir, "-q", "rollback", "--yes");
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.out() + quiet.err(), quiet.toString());
        Cli.Result plain = Cli.run(dir, "migrate");
        assertEquals("Applied 20261124_100100_create_posts", plain.out().strip().replaceAll(" in \\d+ ms$", ""),
                plain.toString());
        assertFalse(plain.err().contains("DEBUG"), plain.toString());
    }

    @Test
    void aProjectLogbackXmlAndLogbackConfigurationFileChangeTheOutput() throws IOException {
        blog();
        Files.writeString(dir.resolve("covet.yaml"), "migrations_dir: migrations\n");
        Files.writeString(dir.resolve("logback.xml"), logback("PROJECT"));
        Path sub = Files.createDirectories(dir.resolve("sub"));
        // run from a sub-folder: the project root's logback.xml is found like covet.yaml is
        Cli.Result r = Cli.run(sub, "migrate");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("PROJECT covet.run Migrated 20261124_100000_create_users (1 operation, "),
                r.toString());
        assertTrue(r.out().contains("PROJECT covet.run Applied 2 migrations on "), r.toString());
        Path other = dir.resolve("other-logback.xml");
        Files.writeString(other, logback("GIVEN"));
        Cli.Result given = Cli.run(sub, Map.of("COVET_JAVA_OPTS", "-Dlogback.configurationFile=" + other),
                "rollback", "--yes");
        assertEquals(0, given.exitCode(), given.toString());
        assertTrue(given.out().contains("GIVEN covet.run Reverted 20261124_100100_create_posts (2 operations, "),
                given.toString());
        assertFalse(given.out().contains("PROJECT"), given.toString());
    }

    private static String logback(String tag) {
        return """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%s %%logger %%msg%%n</pattern></encoder>
                  </appender>
                  <logger name="covet" level="INFO"/>
                  <root level="WARN"><appender-ref ref="out"/></root>
                </configuration>
                """.formatted(tag);
    }

    @Test
    void didYouMeanCompletionAndHelp() throws Exception {
        Cli.Result typo = Cli.run(dir, "migrat");
        assertEquals(2, typo.exitCode(), typo.toString());
        assertTrue(typo.err().contains("Did you mean: covet migrate"), typo.toString());
        Cli.Result option = Cli.run(dir, "migrate", "--fak");
        assertEquals(2, option.exitCode(), option.toString());
        assertTrue(option.err().contains("--fake"), option.toString());

        Cli.Result bash = Cli.run(dir, "completion", "bash");
        assertEquals(0, bash.exitCode(), bash.toString());
        Path script = dir.resolve("covet-completion.bash");
        Files.writeString(script, bash.out());
        // bash itself loads the script and completes "covet sho" and "covet migrate --fa"
        Process p = new ProcessBuilder("bash", "-c", "source " + script + " && COMP_WORDS=(covet sho) && COMP_CWORD=1"
                + " && _complete_covet && echo \"${COMPREPLY[@]}\" && COMP_WORDS=(covet migrate --fa) && COMP_CWORD=2"
                + " && _complete_covet && echo \"${COMPREPLY[@]}\"").redirectErrorStream(true).start();
        String completed = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), completed);
        assertTrue(completed.contains("showmigrations") && completed.contains("--fake"), completed);
        Cli.Result zsh = Cli.run(dir, "completion", "zsh");
        assertTrue(zsh.out().contains("bashcompinit") && zsh.out().contains("_complete_covet"), zsh.toString());

        // no help text breaks a URL, file name or option across lines
        for (String command : List.of("", "migrate", "makemigrations", "verify", "lint")) {
            Cli.Result help = command.isEmpty() ? Cli.run(dir, "--help") : Cli.run(dir, command, "--help");
            assertEquals(0, help.exitCode(), help.toString());
            List<String> lines = help.out().lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                String line = lines.get(i).stripTrailing();
                String nextLine = lines.get(i + 1);
                String next = nextLine.strip();
                // a wrapped description goes on deep in the description column; a new entry starts near the left
                boolean continues = nextLine.length() - nextLine.stripLeading().length() >= 14;
                String last = line.substring(line.lastIndexOf(' ') + 1);
                boolean brokenWord = (last.matches(".*\\w[./]") || last.matches(".*(jdbc|//).*[:=?&-]"))
                        && !last.equals("e.g.") && !last.equals("i.e.")
                        && continues && !last.equals(line.strip()) && !next.isEmpty() && Character.isLetterOrDigit(next.charAt(0))
                        && !Character.isUpperCase(next.charAt(0));
                assertFalse(brokenWord, "covet " + command + " --help breaks a word:\n" + line + "\n" + lines.get(i + 1));
            }
            if (command.isEmpty()) {
                assertTrue(help.out().contains("jdbc:postgresql://127.0.0.1:5432/app"), help.out());
            }
        }
    }

    @Test
    void aRunWaitingForTheLockSaysSo() throws Exception {
        blog();
        Files.writeString(dir.resolve("covet.yaml"), "lock_timeout_seconds: 4\n");
        try (ServerDatabase pg = ServerDatabase.postgres();
             java.sql.Connection holder = pg.dialect.connect(pg.url, new java.util.Properties())) {
            // another deployer holds the lock for the whole run
            try (var lease = pg.dialect.lock().acquire(holder, java.time.Duration.ofSeconds(10))) {
                Cli.Result r = Cli.run(dir, "--url", pg.url, "migrate");
                assertEquals(1, r.exitCode(), r.toString());
                assertTrue(r.err().contains("WARN run: Waiting for the migration lock on " + pg.url
                        + ": another run (another deployer or instance) holds it; waiting up to 4 s since "),
                        r.toString());
            }
        }
    }

    @Test
    void aLongMigrationShowsALiveLineOnATerminalOnly() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        String slow = "{\"format\": 1, \"id\": \"%s\", \"app\": \"default\", \"dependencies\": [%s], \"operations\": "
                + "[{\"op\": \"RunSQL\", \"sql\": \"SELECT pg_sleep(1.6)\", \"reverseSql\": []}]}";
        Files.writeString(migrations.resolve("20261124_100000_slow.json"), slow.formatted("20261124_100000_slow", ""));
        Files.writeString(migrations.resolve("20261124_100100_slow.json"),
                slow.formatted("20261124_100100_slow", "\"20261124_100000_slow\""));
        try (ServerDatabase pg = ServerDatabase.postgres()) {
            // util-linux's script(1) gives the launcher a terminal, as a user's shell does
            Process p = new ProcessBuilder("script", "-qfec", Cli.launcher() + " --url '" + pg.url + "' migrate "
                    + "20261124_100000_slow", "/dev/null").directory(dir.toFile()).redirectErrorStream(true).start();
            String terminal = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), terminal);
            assertTrue(terminal.contains("\r\033[KApplying 20261124_100000_slow: operation 1 of 1 (RunSQL) 0.5 s"),
                    terminal);
            assertTrue(terminal.contains("\r\033[KApplied 20261124_100000_slow in "), terminal);
            Cli.Result plain = Cli.run(dir, "--url", pg.url, "migrate");
            assertEquals(0, plain.exitCode(), plain.toString());
            assertFalse((plain.out() + plain.err()).contains("Applying") || plain.err().contains("\033"),
                    plain.toString());
            assertEquals("Applied 20261124_100100_slow", plain.out().strip().replaceAll(" in \\d+ ms$", ""));
        }
    }

    @Test
    void connectionErrorsNameTheCauseWithTheUrlMasked() {
        Cli.Result mariadb = Cli.run(dir, "--url", "jdbc:mariadb://127.0.0.1:3306/shop?user=root&password=s3cret",
                "showmigrations");
        assertEquals(1, mariadb.exitCode(), mariadb.toString());
        assertTrue(mariadb.err().contains("Use --url jdbc:mysql://127.0.0.1:3306/shop?user=root&password=****"),
                mariadb.toString());
        Cli.Result host = Cli.run(dir, "--url", "jdbc:postgresql://no-such-host.invalid:5432/x?user=u&password=s3cret",
                "showmigrations");
        assertEquals(1, host.exitCode(), host.toString());
        assertTrue(host.err().contains("unknown host 'no-such-host.invalid'"), host.toString());
        Cli.Result refused = Cli.run(dir, "--url", "jdbc:mysql://127.0.0.1:1/x?user=u&password=s3cret",
                "showmigrations");
        assertEquals(1, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("connection refused: nothing listens on 127.0.0.1:1"), refused.toString());
        assertTrue(refused.err().contains("password=****"), refused.toString());
        for (Cli.Result r : List.of(mariadb, host, refused)) {
            assertFalse((r.out() + r.err()).contains("s3cret"), r.toString());
        }
    }
}
