package covet.bench.tools;

import covet.bench.Fixtures;
import covet.bench.RawMigrator;
import covet.bench.Target;
import java.sql.Connection;

public final class RawTool implements MigrationTool {
    @Override
    public String name() {
        return "raw";
    }

    @Override
    public void migrate(Target target, Fixtures fixtures) throws Exception {
        try (Connection c = target.connect()) {
            RawMigrator.migrate(c, fixtures.sqlDir(), target.kind().transactionalDdl());
        }
    }

    @Override
    public int historyRows(Connection c) throws Exception {
        return Tools.count(c, "SELECT count(*) FROM " + RawMigrator.HISTORY);
    }
}
