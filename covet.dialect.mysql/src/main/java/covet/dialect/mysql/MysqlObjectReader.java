package covet.dialect.mysql;

import covet.api.model.Event;
import covet.api.model.ObjectKind;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import covet.api.model.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Views, stored procedures and functions, triggers and events of the current database, in five queries
 * ({@link MysqlObjectQueries}). Each definition is the whole statement that creates the object, built from the
 * catalog in one fixed spelling (the DEFINER left out: it is the account that ran the DDL), so the same object reads
 * the same wherever it was created. Bodies (routines, triggers, events) are the text the server stores as typed;
 * view queries are the server's own rewrite, with the database's name taken out of the qualified names so that they
 * read the same in any database. {@code dependsOn} lists the tables, views and functions a view names, a trigger's
 * table and the trigger it FOLLOWS.
 */
final class MysqlObjectReader {
    /** A backticked identifier; a view's query quotes every name. */
    private static final Pattern QUOTED = Pattern.compile("`((?:[^`]|``)+)`");

    private MysqlObjectReader() {
    }

    /** Every managed object of the current database; {@code tables} are the names of its base tables. */
    static List<SchemaObject> read(Connection connection, Collection<String> tables) throws SQLException {
        String database = connection.getCatalog();
        List<SchemaObject> out = new ArrayList<>();
        Map<String, String> views = new LinkedHashMap<>();
        List<String[]> viewRows = new ArrayList<>();
        query(connection, MysqlObjectQueries.VIEWS, rs -> {
            String body = unqualified(rs.getString(2), database);
            views.put(rs.getString(1), body);
            viewRows.add(new String[] {rs.getString(1), body, rs.getString(3), rs.getString(4), rs.getString(5)});
        });
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        Map<String, String> returns = new LinkedHashMap<>();
        query(connection, MysqlObjectQueries.PARAMETERS, rs -> {
            String routine = rs.getString(2) + " " + rs.getString(1);
            if (rs.getInt(3) == 0) {
                returns.put(routine, rs.getString(6));
            } else {
                String mode = "PROCEDURE".equalsIgnoreCase(rs.getString(2)) ? rs.getString(4) + " " : "";
                parameters.computeIfAbsent(routine, k -> new ArrayList<>())
                        .add(mode + MysqlObjects.quote(rs.getString(5)) + " " + rs.getString(6));
            }
        });
        Map<String, String> typedParameters = new LinkedHashMap<>();
        Map<String, String> typedReturns = new LinkedHashMap<>();
        if (connection.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT).contains("mariadb")) {
            try {
                query(connection, MysqlObjectQueries.PROC, rs -> {
                    String key = rs.getString(2) + " " + rs.getString(1);
                    typedParameters.put(key, rs.getString(3));
                    typedReturns.put(key, rs.getString(4));
                });
            } catch (SQLException noAccess) {
                // an account without SELECT on mysql.proc: the parameters as information_schema spells them
                typedParameters.clear();
                typedReturns.clear();
            }
        }
        Set<String> functions = new TreeSet<>();
        query(connection, MysqlObjectQueries.ROUTINES, rs -> {
            String name = rs.getString(1);
            boolean procedure = "PROCEDURE".equalsIgnoreCase(rs.getString(2));
            String key = rs.getString(2) + " " + name;
            if (!procedure) {
                functions.add(name);
            }
            List<String> params = typedParameters.containsKey(key) ? List.of(typedParameters.get(key))
                    : parameters.getOrDefault(key, List.of());
            String returnType = typedReturns.containsKey(key) ? typedReturns.get(key) : returns.get(key);
            out.add(new Routine(name, procedure, MysqlObjects.routineDefinition(name, procedure,
                    params, returnType, "YES".equalsIgnoreCase(rs.getString(4)),
                    rs.getString(5), rs.getString(6), rs.getString(3)),
                    MysqlNormalizer.blankToNull(rs.getString(7)), null));
        });
        for (String[] v : viewRows) {
            out.add(new View(v[0], MysqlObjects.viewDefinition(v[0], v[4], v[3], v[1], v[2]), null,
                    viewDependencies(v[0], v[1], tables, views.keySet(), functions)));
        }
        Map<String, String> lastOfKind = new LinkedHashMap<>();
        query(connection, MysqlObjectQueries.TRIGGERS, rs -> {
            String name = rs.getString(1);
            String table = rs.getString(2);
            String slot = table + " " + rs.getString(3) + " " + rs.getString(4);
            String follows = rs.getInt(5) > 1 ? lastOfKind.get(slot) : null;
            lastOfKind.put(slot, name);
            List<String> deps = new ArrayList<>(List.of(SchemaObject.tableKey(table)));
            if (follows != null) {
                deps.add(SchemaObject.key(ObjectKind.TRIGGER, table + "." + follows));
            }
            out.add(new Trigger(table, name, MysqlObjects.triggerDefinition(name, rs.getString(3), rs.getString(4),
                    table, follows, rs.getString(6)), null, deps));
        });
        query(connection, MysqlObjectQueries.EVENTS, rs -> out.add(new Event(rs.getString(1),
                MysqlObjects.eventDefinition(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), startsUnlessCreated(rs.getString(7), rs.getString(12)), rs.getString(8),
                        rs.getString(9), rs.getString(10), rs.getString(2)),
                MysqlNormalizer.blankToNull(rs.getString(11)), null)));
        return out;
    }

    /**
     * STARTS as the user gave it, or null where the server filled it with the moment of creation (no STARTS
     * clause): that moment differs in every database, and is not part of the schema.
     */
    private static String startsUnlessCreated(String starts, String created) {
        if (starts == null || created == null) {
            return starts;
        }
        return trimFraction(starts).equals(trimFraction(created)) ? null : trimFraction(starts);
    }

    static String trimFraction(String timestamp) {
        return timestamp == null ? null : timestamp.replaceFirst("\\.0+$", "");
    }

    /** The query without {@code `database`.} before the names the server qualified. */
    static String unqualified(String query, String database) {
        if (query == null || database == null) {
            return query;
        }
        return query.replace(MysqlObjects.quote(database) + ".", "");
    }

    private static List<String> viewDependencies(String self, String query, Collection<String> tables,
                                                 Collection<String> views, Collection<String> functions) {
        Set<String> deps = new TreeSet<>();
        Matcher m = QUOTED.matcher(query);
        while (m.find()) {
            String name = m.group(1).replace("``", "`");
            if (name.equals(self)) {
                continue;
            }
            if (tables.contains(name)) {
                deps.add(SchemaObject.tableKey(name));
            } else if (views.contains(name)) {
                deps.add(SchemaObject.key(ObjectKind.VIEW, name));
            } else if (functions.contains(name)) {
                deps.add(SchemaObject.key(ObjectKind.FUNCTION, name));
            }
        }
        return List.copyOf(deps);
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
