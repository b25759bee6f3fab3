package covet.engine;

import covet.api.CovetException;
import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.sql.SqlBuilder;
import covet.engine.checksum.Checksums;
import covet.engine.history.AppliedMigration;
import covet.engine.history.HistoryTable;
import covet.engine.history.OtherToolsTables;
import covet.engine.questioner.Questioner;
import covet.engine.source.DesiredSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code covet adopt liquibase}: takes over a database Liquibase has been migrating. Liquibase's changesets are not
 * files Covet reads, so Covet writes one baseline migration that creates the schema as it stands now (read by the
 * dialect's introspector, without Liquibase's and Covet's own tables) and records it as applied; new migrations
 * follow it. {@code DATABASECHANGELOG} is read (it must exist and hold executed changesets) and left unchanged.
 * Refused when the migrations folder already holds migrations of the app or Covet's history is not empty.
 */
public final class LiquibaseAdoption {
    private static final List<String> TABLES = List.of("DATABASECHANGELOG", "databasechangelog");

    private LiquibaseAdoption() {
    }

    /** What adoption did: the baseline file written, how many changesets it stands for, what it could not hold. */
    public record Result(String baselineId, Path file, int changesets, List<String> unmanaged) {
    }

    public static Result adopt(Covet covet) {
        if (covet.graph().order().stream().anyMatch(m -> m.app().equals(covet.config().app()))) {
            throw new CovetException("adopt refused: " + covet.config().migrationsDir() + " already holds migrations"
                    + " of app " + covet.config().app() + "; a Liquibase baseline must be the first. Nothing was"
                    + " written.");
        }
        int changesets;
        try (Connection c = covet.connect()) {
            changesets = countChangesets(c, covet);
            HistoryTable history = new HistoryTable(covet.dialect());
            if (history.exists(c) && history.read(c).stream().anyMatch(r -> r.app().equals(covet.config().app()))) {
                throw new CovetException("adopt refused: covet_migrations already holds migrations of app "
                        + covet.config().app() + ". Nothing was written.");
            }
        } catch (SQLException e) {
            throw new CovetException(covet.dialect().name() + ": cannot read DATABASECHANGELOG: " + e.getMessage(), e);
        }
        DesiredSchema live = covet.desiredFromDatabase();
        Schema schema = OtherToolsTables.without(live.schema());
        Migration baseline = covet.makeMigration(schema, "liquibase_baseline", Questioner.NO_RENAMES)
                .orElseThrow(() -> new CovetException("adopt liquibase: the database holds no table Covet manages;"
                        + " nothing to adopt"));
        Path file = covet.writeMigration(baseline, "json");
        covet.locked(true, (c, history, rows) -> {
            history.insert(c, baseline.id(), baseline.app(), Checksums.of(baseline), 0,
                    baseline.operations().size(), baseline.operations().size(), AppliedMigration.APPLIED);
            return null;
        });
        List<String> unmanaged = new ArrayList<>(live.unmanaged());
        return new Result(baseline.id(), file, changesets, unmanaged);
    }

    private static int countChangesets(Connection c, Covet covet) throws SQLException {
        for (String table : TABLES) {
            if (covet.dialect().introspector().tableExists(c, table)) {
                SqlBuilder sql = new SqlBuilder(covet.dialect()::quoteIdentifier);
                int n = 0;
                // Liquibase folds its names to the database's case: upper on MySQL, lower on PostgreSQL
                boolean upper = table.equals(TABLES.get(0));
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.select(table,
                        List.of(upper ? "ID" : "id", upper ? "EXECTYPE" : "exectype"), List.of(), List.of()))) {
                    while (rs.next()) {
                        n++;
                    }
                }
                if (n == 0) {
                    throw new CovetException("adopt liquibase: " + table + " records no changeset; nothing to adopt");
                }
                return n;
            }
        }
        throw new CovetException("adopt liquibase: this database has no DATABASECHANGELOG table; nothing was written");
    }
}
