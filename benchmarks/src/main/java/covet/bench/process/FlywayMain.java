package covet.bench.process;

import org.flywaydb.core.Flyway;

/** W2: Flyway's migrate as a process (its API; the Flyway CLI is a separate download): {@code <url> <sql-dir>}. */
public final class FlywayMain {
    private FlywayMain() {
    }

    public static void main(String[] args) {
        Flyway.configure().dataSource(args[0], null, null).locations("filesystem:" + args[1]).load().migrate();
    }
}
