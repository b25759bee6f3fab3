package covet.dialect.postgres;

import static covet.dialect.postgres.PostgresCatalogRows.booleans;
import static covet.dialect.postgres.PostgresCatalogRows.emptyAsNull;
import static covet.dialect.postgres.PostgresCatalogRows.strings;

import covet.api.model.Check;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Extension;
import covet.api.model.Index;
import covet.api.model.MaterializedView;
import covet.api.model.Namespace;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Trigger;
import covet.api.model.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the named objects other than tables, one query per family ({@link PostgresObjectQueries}), and keeps, for
 * {@link PostgresDependencies}, each one's catalog reference ({@code pg_class:16402}) and schema. Bodies are kept
 * as the server renders them; domain defaults and checks take the same canonical forms as column defaults and
 * table checks.
 */
final class PostgresObjectReader {

    /** An object read, with what dependencies need: its catalog reference and its schema (null: none). */
    record Read(String reference, String schema, SchemaObject object) {
    }

    private final Map<String, Read> objects = new LinkedHashMap<>();
    /** Object keys by catalog reference, tables included ({@code pg_class:16390} to {@code table:film}). */
    private final Map<String, String> keys = new HashMap<>();
    private final Map<Long, String> materializedViews = new HashMap<>();
    private String currentSchema;

    /** The current schema, namespaces and extensions; returns the current schema (null: empty search_path). */
    String readNamespaces(Connection connection) throws SQLException {
        List<String[]> extensions = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(PostgresObjectQueries.NAMESPACES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString("name");
                String comment = emptyAsNull(rs.getString("comment"));
                switch (rs.getString("kind")) {
                    case "current" -> currentSchema = name;
                    case "namespace" -> add("pg_namespace", rs.getLong("oid"), null,
                            new Namespace(name, comment, null));
                    default -> extensions.add(new String[] {rs.getString("oid"), name, rs.getString("schema"),
                            comment});
                }
            }
        }
        // once the current schema is known, whatever the row order
        for (String[] e : extensions) {
            add("pg_extension", Long.parseLong(e[0]), e[2], new Extension(e[1],
                    e[2].equals(currentSchema) ? null : e[2], e[3], null));
        }
        return currentSchema;
    }

    /** Tables are not objects here but are referenced: their keys by oid. */
    void tables(Map<Long, String> names) {
        names.forEach((oid, name) -> keys.put("pg_class:" + oid, SchemaObject.tableKey(name)));
    }

    void readAll(Connection connection) throws SQLException {
        readTypes(connection);
        readSequences(connection);
        readViews(connection);
        readRoutines(connection);
        readTriggers(connection);
    }

    private String name(String schema, String name) {
        return PostgresNames.modelName(schema, name, currentSchema);
    }

    private void add(String catalog, long oid, String schema, SchemaObject object) {
        String reference = catalog + ":" + oid;
        objects.put(reference, new Read(reference, schema, object));
        keys.put(reference, object.key());
    }

    private void readTypes(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresObjectQueries.TYPES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString("nspname");
                String name = name(schema, rs.getString("typname"));
                String comment = emptyAsNull(rs.getString("comment"));
                long oid = rs.getLong("oid");
                switch (rs.getString("typtype")) {
                    case "e" -> add("pg_type", oid, schema,
                            new EnumType(name, strings(rs.getArray("labels")), comment, null));
                    case "d" -> add("pg_type", oid, schema, domain(rs, name, comment));
                    default -> {
                        List<String> names = strings(rs.getArray("attribute_names"));
                        List<String> types = strings(rs.getArray("attribute_types"));
                        List<String> collations = strings(rs.getArray("attribute_collations"));
                        List<CompositeType.Attribute> attributes = new ArrayList<>();
                        for (int i = 0; i < names.size(); i++) {
                            attributes.add(new CompositeType.Attribute(names.get(i), types.get(i),
                                    emptyAsNull(collations.get(i))));
                        }
                        CompositeType type = new CompositeType(name, attributes, comment, null);
                        add("pg_type", oid, schema, type);
                        // its attributes' dependencies are recorded on its pg_class row
                        keys.put("pg_class:" + rs.getLong("typrelid"), type.key());
                    }
                }
            }
        }
    }

    private static Domain domain(ResultSet rs, String name, String comment) throws SQLException {
        String baseType = rs.getString("base_type");
        List<String> checkNames = strings(rs.getArray("check_names"));
        List<String> definitions = strings(rs.getArray("check_definitions"));
        List<Boolean> validated = booleans(rs.getArray("check_validated"));
        List<String> comments = strings(rs.getArray("check_comments"));
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < checkNames.size(); i++) {
            checks.add(new Check(checkNames.get(i), PostgresObjectNormalizer.domainCheck(
                    PostgresTableReader.checkExpression(definitions.get(i)), baseType), !validated.get(i),
                    PostgresCatalogRows.emptyAsNull(comments.get(i))));
        }
        return new Domain(name, baseType, rs.getBoolean("typnotnull"),
                PostgresDefaults.canonical(rs.getString("typdefault"), PostgresTypes.fromCatalog(baseType)),
                rs.getString("collation"), checks, comment, null);
    }

    private void readSequences(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresObjectQueries.SEQUENCES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString("nspname");
                String ownerTable = rs.getString("owner_table");
                String ownedBy = ownerTable == null ? null
                        : name(rs.getString("owner_schema"), ownerTable) + "." + rs.getString("owner_column");
                Sequence raw = new Sequence(name(schema, rs.getString("relname")), rs.getString("data_type"),
                        rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"),
                        rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"), ownedBy,
                        emptyAsNull(rs.getString("comment")), null);
                add("pg_class", rs.getLong("oid"), schema, PostgresObjectNormalizer.sequence(raw));
            }
        }
    }

    private void readViews(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresObjectQueries.VIEWS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString("nspname");
                String name = name(schema, rs.getString("relname"));
                String definition = PostgresObjectNormalizer.query(rs.getString("definition"));
                String comment = emptyAsNull(rs.getString("comment"));
                long oid = rs.getLong("oid");
                if ("m".equals(rs.getString("relkind"))) {
                    add("pg_class", oid, schema, new MaterializedView(name, definition,
                            rs.getBoolean("relispopulated"), List.of(), comment, null));
                    materializedViews.put(oid, "pg_class:" + oid);
                } else {
                    add("pg_class", oid, schema, new View(name, definition, comment, null));
                }
            }
        }
    }

    /** Gives each materialized view its indexes, read with the tables' (relation oid to index rows). */
    void materializedViewIndexes(Map<Long, List<PostgresTableReader.IndexRow>> indexes) {
        indexes.forEach((oid, rows) -> {
            Read read = objects.get(materializedViews.get(oid));
            if (read != null) {
                MaterializedView v = (MaterializedView) read.object();
                List<Index> built = rows.stream().map(r -> r.toIndex(Set.of()))
                        .sorted(java.util.Comparator.comparing(Index::name)).toList();
                objects.put(read.reference(), new Read(read.reference(), read.schema(), new MaterializedView(
                        v.name(), v.definition(), v.withData(), built, v.comment(), v.dependsOn())));
            }
        });
    }

    private void readRoutines(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresObjectQueries.ROUTINES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString("nspname");
                String signature = rs.getString("proname") + "(" + rs.getString("arguments") + ")";
                add("pg_proc", rs.getLong("oid"), schema, new Routine(name(schema, signature),
                        "p".equals(rs.getString("prokind")),
                        PostgresObjectNormalizer.statement(rs.getString("definition")),
                        emptyAsNull(rs.getString("comment")), null));
            }
        }
    }

    private void readTriggers(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresObjectQueries.TRIGGERS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // a trigger needs its table, not the schema: no schema of its own for dependencies
                add("pg_trigger", rs.getLong("oid"), null, new Trigger(name(rs.getString("nspname"),
                        rs.getString("relname")), rs.getString("tgname"),
                        PostgresObjectNormalizer.statement(rs.getString("definition")),
                        emptyAsNull(rs.getString("comment")), null));
            }
        }
    }

    Map<String, Read> objects() {
        return objects;
    }

    Map<String, String> keys() {
        return keys;
    }
}
