package covet.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive {@code mvn package} builds, as a user gets it: unpacked with {@code tar} into a new folder, run
 * once there (which writes a class-data archive for that folder into the cache), then moved elsewhere and run
 * both directly and through a symbolic link from a third folder, with the class-data archive (the one written
 * for the old folder still in the cache) and without it. Every way runs migrate, showmigrations and rollback on
 * SQLite and PostgreSQL; the schema is checked with {@code sqlite3} and {@code psql}, not by Covet.
 */
class DistributionArchiveTest {
    @TempDir
    static Path root;
    static Path moved;
    static Path link;
    static Path cds;

    record Run(int exit, String out) {
    }

    @BeforeAll
    static void unpackMoveAndLink() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(Servers.repo().resolve("covet.cli/target"))) {
            archive = files.filter(p -> p.getFileName().toString().matches("covet-.*\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("covet.cli/target has no covet-*.tar.gz: run mvn package"));
        }
        Path unpacked = Files.createDirectories(root.resolve("unpacked"));
        assertEquals(0, exec(unpacked, List.of("tar", "xzf", archive.toString()), List.of()).exit());
        Path top;
        try (Stream<Path> dirs = Files.list(unpacked)) {
            top = dirs.findFirst().orElseThrow();
        }
        assertTrue(top.getFileName().toString().startsWith("covet-"), top.toString());
        cds = root.resolve("cds-cache");
        // a first run where it was unpacked writes a class-data archive for those paths (the old lib/covet.jsa case)
        Path blog = project("first");
        Run first = exec(blog, List.of(top.resolve("bin/covet").toString(), "showmigrations"), List.of("COVET_CDS_DIR=" + cds));
        assertEquals(0, first.exit(), first.out());
        Path opt = Files.createDirectories(root.resolve("opt"));
        moved = Files.move(top, opt.resolve("covet"));
        Path bin = Files.createDirectories(root.resolve("home/bin"));
        link = Files.createSymbolicLink(bin.resolve("covet"), moved.resolve("bin/covet"));
    }

    static Path project(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve("projects").resolve(name));
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        try (Stream<Path> files = Files.list(Servers.repo().resolve("examples/blog/migrations"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, migrations.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void sqliteThroughEveryPath() throws Exception {
        for (String way : List.of("direct", "link")) {
            for (boolean classData : List.of(true, false)) {
                Path dir = project("sqlite-" + way + "-" + classData);
                Path db = dir.resolve("covet.db");
                lifecycle(way, classData, dir, "jdbc:sqlite:" + db,
                        () -> exec(dir, List.of("sqlite3", db.toString(), ".tables"), List.of()).out());
            }
        }
    }

    @Test
    void postgresThroughEveryPath() throws Exception {
        for (String way : List.of("direct", "link")) {
            for (boolean classData : List.of(true, false)) {
                try (ServerDatabase pg = ServerDatabase.postgres()) {
                    Path dir = project("pg-" + way + "-" + classData);
                    lifecycle(way, classData, dir, pg.url, () -> exec(dir, List.of("psql", "-w", "-At", "-h", "127.0.0.1",
                            "-U", "postgres", "-d", pg.name, "-c",
                            "select string_agg(table_name, ' ' order by table_name) from information_schema.tables"
                                    + " where table_schema = 'public'"), List.of()).out());
                }
            }
        }
    }

    interface Tables {
        String list() throws Exception;
    }

    private static void lifecycle(String way, boolean classData, Path dir, String url, Tables tables) throws Exception {
        String launcher = (way.equals("link") ? link : moved.resolve("bin/covet")).toString();
        List<String> env = classData ? List.of("COVET_CDS_DIR=" + cds) : List.of("COVET_CDS=off", "COVET_CDS_DIR=" + cds);
        String what = way + (classData ? " with" : " without") + " class data, " + url;
        Run migrate = exec(dir, List.of(launcher, "--url", url, "migrate", "--yes"), env);
        assertEquals(0, migrate.exit(), what + "\n" + migrate.out());
        String after = tables.list();
        assertTrue(after.contains("users") && after.contains("posts"), what + ": " + after);
        Run show = exec(dir, List.of(launcher, "--url", url, "showmigrations"), env);
        assertEquals(0, show.exit(), what + "\n" + show.out());
        assertTrue(show.out().contains("APPLIED  20261124_100100_create_posts"), what + "\n" + show.out());
        Run rollback = exec(dir, List.of(launcher, "--url", url, "rollback", "--yes"), env);
        assertEquals(0, rollback.exit(), what + "\n" + rollback.out());
        String back = tables.list();
        assertTrue(back.contains("users") && !back.contains("posts"), what + ": " + back);
        if (classData) {
            try (Stream<Path> archives = Files.list(cds)) {
                assertTrue(archives.anyMatch(p -> p.toString().endsWith(".jsa")), "a class-data archive in " + cds);
            }
        }
        assertFalse(migrate.out().contains("sealing violation") || migrate.out().contains("FindException"), migrate.out());
    }

    /** Runs a process with stdout and stderr together, no terminal, the test environment less COVET_ and DB_. */
    static Run exec(Path dir, List<String> command, List<String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("COVET_") || k.startsWith("DB_"));
        for (String e : env) {
            int eq = e.indexOf('=');
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
