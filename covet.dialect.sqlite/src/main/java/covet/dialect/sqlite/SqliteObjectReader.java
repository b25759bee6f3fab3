package covet.dialect.sqlite;

import covet.api.model.ObjectKind;
import covet.api.model.SchemaObject;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.model.VirtualTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Views, triggers and virtual tables of the main database, in one query over {@code sqlite_schema}. Each keeps its
 * text in {@link SqliteObjectText canonical} form: a trigger or virtual table its whole statement, a view its query. What each one needs ({@link SchemaObject#dependsOn()}) is
 * every table, view or virtual table its text names, so views over views and triggers over views are created in
 * order. Shadow tables of a virtual table are neither tables nor objects: the module makes and drops them.
 */
final class SqliteObjectReader {
    static final String OBJECTS = """
            SELECT type, name, tbl_name, sql FROM sqlite_schema
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
              AND (type IN ('view', 'trigger') OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'))
            ORDER BY rowid
            """;

    private SqliteObjectReader() {
    }

    private record Row(String type, String name, String table, String sql) {
    }

    /**
     * A view's definition is its query, as the model has it for every database: the text after {@code AS}. A view
     * that names its columns ({@code CREATE VIEW v(a, b) AS ...}) keeps its whole statement, which says more.
     */
    static String viewQuery(String sql) {
        List<SqliteToken> tokens = SqliteTokenizer.tokenize(sql);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isPunct('(')) {
                return sql;
            }
            if (tokens.get(i).is("AS")) {
                return sql.substring(tokens.get(i + 1).start()).strip();
            }
        }
        return sql;
    }

    /**
     * @param tables the tables of the schema
     * @param names  every name a view or trigger can mention (tables, columns), lower case; the objects' own are added
     */
    static List<SchemaObject> read(Connection connection, Set<String> tables, Set<String> names) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        Map<String, String> keyByName = new LinkedHashMap<>();
        tables.forEach(t -> keyByName.put(t.toLowerCase(Locale.ROOT), SchemaObject.tableKey(t)));
        for (Row r : rows) {
            if (r.type().equals("view")) {
                keyByName.put(r.name().toLowerCase(Locale.ROOT), SchemaObject.key(ObjectKind.VIEW, r.name()));
            } else if (r.type().equals("table")) {
                keyByName.put(r.name().toLowerCase(Locale.ROOT),
                        SchemaObject.key(ObjectKind.VIRTUAL_TABLE, r.name()));
            }
        }
        Set<String> known = new java.util.HashSet<>(names);
        rows.forEach(r -> known.add(r.name().toLowerCase(Locale.ROOT)));
        List<SchemaObject> out = new ArrayList<>();
        for (Row r : rows) {
            String definition = SqliteObjectText.canonical(r.type().equals("view") ? viewQuery(r.sql()) : r.sql(),
                    known);
            Set<String> needs = new LinkedHashSet<>();
            for (SqliteToken t : SqliteTokenizer.tokenize(r.sql())) {
                if (t.kind() == SqliteToken.Kind.WORD || t.kind() == SqliteToken.Kind.QUOTED) {
                    String key = keyByName.get(t.identifier().toLowerCase(Locale.ROOT));
                    if (key != null && !t.identifier().equalsIgnoreCase(r.name())) {
                        needs.add(key);
                    }
                }
            }
            switch (r.type()) {
                case "view" -> out.add(new View(r.name(), definition, null, List.copyOf(needs)));
                case "trigger" -> out.add(new Trigger(r.table(), r.name(), definition, null, List.copyOf(needs)));
                default -> out.add(new VirtualTable(r.name(), definition, null, List.of()));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** Objects by kind, then name: the order of sqlite_schema changes whenever a rebuild re-creates a trigger. */
    static final java.util.Comparator<SchemaObject> ORDER = java.util.Comparator
            .comparing((SchemaObject o) -> o.kind().ordinal()).thenComparing(SchemaObject::name);
}
