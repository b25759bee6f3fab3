package covet.bench.process;

import covet.bench.RawMigrator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** W2: the raw baseline as a process: {@code RawMain <jdbc-url> <sql-dir>}. */
public final class RawMain {
    private RawMain() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0])) {
            RawMigrator.migrate(c, Path.of(args[1]), !args[0].startsWith("jdbc:mysql"));
        }
    }
}
