package covet.bench.process;

import covet.bench.Fixtures;
import covet.bench.Target;
import covet.bench.DbKind;
import covet.bench.tools.LiquibaseTool;
import java.nio.file.Path;

/** W2: Liquibase's update as a process: {@code <jdbc-url> <fixtures-root>}. */
public final class LiquibaseMain {
    private LiquibaseMain() {
    }

    public static void main(String[] args) throws Exception {
        new LiquibaseTool().migrate(new Target(DbKind.SQLITE, "w2", args[0], null), new Fixtures(Path.of(args[1]), 0));
    }
}
