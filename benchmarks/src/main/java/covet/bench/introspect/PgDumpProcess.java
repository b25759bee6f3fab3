package covet.bench.introspect;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * {@code pg_dump --schema-only} of the W3 database as a whole process, output discarded: what issue 14 measures
 * Covet's introspection against (no slower than 1.5 x at 1,000+ tables).
 */
final class PgDumpProcess {
    private PgDumpProcess() {
    }

    /** Runs pg_dump on {@code database}; returns {@code tables} when it succeeds, so the bench's count check holds. */
    static int run(String database, int tables) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("pg_dump", "--schema-only", "-h", "127.0.0.1", "-U", "postgres", "-d", database)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(new File("/dev/null")).start();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("pg_dump of " + database + " failed");
        }
        return tables;
    }
}
