package covet.bench.tools;

import covet.bench.DbKind;
import covet.bench.Fixtures;
import covet.bench.Target;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Liquibase with its defaults: one formatted-SQL changelog holding a changeset per migration ("liquibase-single"),
 * its own connection. Its INFO logging (a line per changeset on the console) is turned down to WARNING, as the
 * other tools log nothing per statement here either.
 */
public final class LiquibaseTool implements MigrationTool {
    private static final Logger QUIET = Logger.getLogger("liquibase");

    static {
        QUIET.setLevel(Level.WARNING);
    }

    @Override
    public String name() {
        return "liquibase";
    }

    @Override
    @SuppressWarnings("deprecation") // Liquibase#update is the documented embedding API of 4.x
    public void migrate(Target target, Fixtures fixtures) throws Exception {
        Connection c = target.connect();
        Database db = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        try (Liquibase lb = new Liquibase("changelog.sql", new DirectoryResourceAccessor(fixtures.liquibaseDir()),
                db)) {
            lb.update(new Contexts(), new LabelExpression());
        }
    }

    @Override
    public int historyRows(Connection c) throws Exception {
        String table = DbKind.MARIADB.label().equals(kindOf(c)) ? "DATABASECHANGELOG" : "databasechangelog";
        return Tools.count(c, "SELECT count(*) FROM " + table);
    }

    private static String kindOf(Connection c) throws Exception {
        return c.getMetaData().getURL().startsWith("jdbc:mysql") ? "mariadb" : "other";
    }
}
