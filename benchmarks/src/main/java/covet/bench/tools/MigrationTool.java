package covet.bench.tools;

import covet.bench.Fixtures;
import covet.bench.Target;
import java.sql.Connection;

/** One migration tool as the benchmark drives it: a whole migrate run, connection opening included. */
public interface MigrationTool {
    String name();

    void migrate(Target target, Fixtures fixtures) throws Exception;

    /** Rows the tool's history table holds for applied migrations (untimed check). */
    int historyRows(Connection c) throws Exception;
}
