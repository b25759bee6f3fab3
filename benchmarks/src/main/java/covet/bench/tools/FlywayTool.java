package covet.bench.tools;

import covet.bench.Fixtures;
import covet.bench.Target;
import java.sql.Connection;
import org.flywaydb.core.Flyway;

/** Flyway with its defaults, its own connection from the URL, reading the same SQL files as raw. */
public final class FlywayTool implements MigrationTool {
    @Override
    public String name() {
        return "flyway";
    }

    @Override
    public void migrate(Target target, Fixtures fixtures) {
        Flyway.configure().dataSource(target.url(), null, null)
                .locations("filesystem:" + fixtures.sqlDir())
                .load().migrate();
    }

    @Override
    public int historyRows(Connection c) throws Exception {
        return Tools.count(c, "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL");
    }
}
