package covet.dialect.postgres;

import covet.api.model.Schema;
import covet.api.spi.Introspector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the whole schema of every user schema in eleven catalog queries, whatever the number of tables and
 * objects: namespaces and extensions, tables, columns, constraints, indexes ({@link PostgresTableReader}), types,
 * sequences, views, routines, triggers ({@link PostgresObjectReader}) and the dependencies between them
 * ({@link PostgresDependencies}). Tables and objects of the connection's current schema are named plainly, others
 * {@code schema.name}. A {@code serial} column is what it is: a nextval() default on a sequence that the column
 * owns ({@link covet.api.model.Sequence#ownedBy()}); identity columns are auto-increment. The conventions the
 * renderer relies on are in docs/dialects/postgresql.md.
 */
public final class PostgresIntrospector implements Introspector {

    @Override
    public Schema introspect(Connection connection) throws SQLException {
        PostgresObjectReader objects = new PostgresObjectReader();
        String currentSchema = objects.readNamespaces(connection);
        PostgresTableReader tables = new PostgresTableReader(currentSchema);
        Map<Long, List<PostgresTableReader.IndexRow>> otherIndexes = new HashMap<>();
        objects.tables(tables.read(connection, otherIndexes));
        objects.readAll(connection);
        objects.materializedViewIndexes(otherIndexes);
        return new Schema(tables.tables(), PostgresDependencies.resolve(connection, objects));
    }

    @Override
    public List<String> unmanaged(Connection connection) throws SQLException {
        return PostgresUnmanagedQuery.list(connection).stream().map(Object::toString).toList();
    }

    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PostgresCatalogQueries.TABLE_EXISTS)) {
            ps.setString(1, PostgresNames.localName(table));
            ps.setString(2, PostgresNames.schemaOf(table));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
