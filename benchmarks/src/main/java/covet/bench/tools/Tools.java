package covet.bench.tools;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The tools, in the order of round 0 ("covet_group" runs only when TOOLS names it). */
public final class Tools {
    private Tools() {
    }

    public static List<MigrationTool> all() {
        return List.of(new RawTool(), new CovetTool(), new FlywayTool(), new LiquibaseTool(), new CovetTool(true));
    }

    public static List<MigrationTool> named(List<String> names) {
        return all().stream().filter(t -> names.contains(t.name())).toList();
    }

    static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
