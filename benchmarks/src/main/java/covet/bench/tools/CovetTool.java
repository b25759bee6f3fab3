package covet.bench.tools;

import covet.bench.Fixtures;
import covet.bench.Target;
import covet.engine.Covet;
import covet.engine.config.ConfigLoader;
import covet.engine.config.CovetConfig;
import covet.engine.plugin.PluginRegistry;
import java.sql.Connection;
import java.util.Map;

/**
 * Covet through its public API, as an application embeds it: config from a URL option and an empty environment,
 * plugins discovered on the class path, a new facade per run (so the migration files are read every run, as the
 * other tools rescan theirs). "covet_group" is the same with {@code group} on: all pending migrations in one
 * transaction ({@code migrate --group}).
 */
public final class CovetTool implements MigrationTool {
    private final boolean group;

    public CovetTool() {
        this(false);
    }

    public CovetTool(boolean group) {
        this.group = group;
    }

    @Override
    public String name() {
        return group ? "covet_group" : "covet";
    }

    @Override
    public void migrate(Target target, Fixtures fixtures) {
        CovetConfig config = new ConfigLoader(fixtures.root(), Map.<String, String>of()::get)
                .load(new ConfigLoader.Options(target.url(), null, fixtures.covetDir(), null));
        new Covet(config, PluginRegistry.of(CovetTool.class.getClassLoader())).migrate(null, false, group, r -> { });
    }

    @Override
    public int historyRows(Connection c) throws Exception {
        return Tools.count(c, "SELECT count(*) FROM covet_migrations WHERE status = 'APPLIED'");
    }
}
