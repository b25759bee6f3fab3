package covet.engine.run;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run tells the application's log, as Flyway and Liquibase do: one INFO line per applied or reverted
 * migration on logger {@code covet.run}, and a summary at the end of the run. One instance per run: it counts the
 * operations of the migration being run. (Each statement is logged at DEBUG on {@code covet.sql} where it is run.)
 */
public final class RunLog implements RunListener {
    /** The logger a run's lines go to. */
    static final Logger LOG = LoggerFactory.getLogger("covet.run");
    /** The logger every statement Covet runs goes to, at DEBUG. */
    static final Logger SQL = LoggerFactory.getLogger("covet.sql");

    private int operations;

    @Override
    public void beforeMigration(Migration migration, String direction) {
        operations = 0;
    }

    @Override
    public void afterOperation(Migration migration, int index, Operation operation, List<String> statements) {
        operations++;
    }

    @Override
    public void afterMigration(MigrationResult r) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        boolean apply = r.direction().equals(MigrationResult.APPLY);
        if (r.fake()) {
            LOG.info("{} {} without running it (fake, {} ms)", apply ? "Recorded as applied" : "Unrecorded", r.id(),
                    r.millis());
        } else {
            LOG.info("{} {} ({} operation{}, {} ms)", apply ? "Migrated" : "Reverted", r.id(), operations,
                    operations == 1 ? "" : "s", r.millis());
        }
    }

    /** The run's last line: how many migrations were applied or reverted, or that there was nothing to do. */
    public static void summary(String direction, List<MigrationResult> results, long millis, String database) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        boolean apply = direction.equals(MigrationResult.APPLY);
        if (results.isEmpty()) {
            String subject = database.startsWith("the ") ? "The" + database.substring(3) : database;
            LOG.info(apply ? "{} is up to date: no migration to apply" : "{}: no migration to roll back", subject);
            return;
        }
        long applied = results.stream().filter(r -> r.direction().equals(MigrationResult.APPLY)).count();
        long reverted = results.size() - applied;
        StringBuilder what = new StringBuilder();
        if (applied > 0) {
            what.append("applied ").append(applied).append(applied == 1 ? " migration" : " migrations");
        }
        if (reverted > 0) {
            what.append(what.length() > 0 ? ", " : "").append("reverted ").append(reverted)
                    .append(reverted == 1 ? " migration" : " migrations");
        }
        what.setCharAt(0, Character.toUpperCase(what.charAt(0)));
        LOG.info("{} on {} in {} ms", what, database, millis);
    }
}
