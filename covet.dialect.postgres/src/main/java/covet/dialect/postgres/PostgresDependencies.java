package covet.dialect.postgres;

import covet.api.model.ObjectKind;
import covet.api.model.SchemaObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fills {@link SchemaObject#dependsOn()} from pg_depend, in one query for the whole database
 * ({@link PostgresObjectQueries#DEPENDENCIES}): what a view's query, a routine's signature, a type, a trigger or an
 * extension needs, named by its key. Something an extension owns is named by the extension; an object in a
 * {@link covet.api.model.Namespace} of the schema needs that namespace. References to what the model does not
 * hold (built-in types, languages, collations) are left out.
 */
final class PostgresDependencies {

    private PostgresDependencies() {
    }

    /** The objects read, each with its dependencies, in ObjectKind order then by name. */
    static List<SchemaObject> resolve(Connection connection, PostgresObjectReader reader) throws SQLException {
        Map<String, String> keys = reader.keys();
        Set<String> known = new java.util.HashSet<>(keys.values());
        Map<String, Set<String>> needs = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(PostgresObjectQueries.DEPENDENCIES);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String dependent = keys.get(rs.getString("dep_class") + ":" + rs.getLong("dep_oid"));
                if (dependent == null) {
                    continue;
                }
                String extension = rs.getString("ref_extension");
                String needed = extension != null
                        ? SchemaObject.key(ObjectKind.EXTENSION, extension)
                        : keys.get(rs.getString("ref_class") + ":" + rs.getLong("ref_oid"));
                if (needed != null && !needed.equals(dependent)
                        && known.contains(needed)) {
                    needs.computeIfAbsent(dependent, k -> new TreeSet<>()).add(needed);
                }
            }
        }
        Set<String> namespaces = new TreeSet<>();
        reader.objects().values().stream().filter(r -> r.object().kind() == ObjectKind.NAMESPACE)
                .forEach(r -> namespaces.add(r.object().name()));
        List<SchemaObject> out = new ArrayList<>();
        for (PostgresObjectReader.Read read : reader.objects().values()) {
            SchemaObject o = read.object();
            Set<String> keysNeeded = new TreeSet<>(needs.getOrDefault(o.key(), Set.of()));
            if (read.schema() != null && namespaces.contains(read.schema())) {
                keysNeeded.add(SchemaObject.key(ObjectKind.NAMESPACE, read.schema()));
            }
            out.add(o.withDependsOn(List.copyOf(keysNeeded)));
        }
        out.sort(ORDER);
        return out;
    }

    /** The order the introspector and the normaliser both give objects: by kind, then by name. */
    static final Comparator<SchemaObject> ORDER = Comparator.comparing(SchemaObject::kind)
            .thenComparing(SchemaObject::name);
}
