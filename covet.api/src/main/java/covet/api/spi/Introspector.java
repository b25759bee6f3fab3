package covet.api.spi;

import covet.api.model.Schema;
import java.sql.Connection;
import java.sql.SQLException;

/** Reads the live schema of a connection in a constant number of catalog queries, never one per table. */
public interface Introspector {

    /** Every table of the connection's current schema or database, with columns, keys, indexes and checks. */
    Schema introspect(Connection connection) throws SQLException;

    /**
     * Objects of the database that Covet does not manage (views, functions, triggers, types it cannot model, ...),
     * one line each such as {@code view public.film_list}: listed by {@code covet inspect}, never dropped.
     */
    default java.util.List<String> unmanaged(Connection connection) throws SQLException {
        return java.util.List.of();
    }

    /** True when the current schema or database holds a table of exactly this name. */
    boolean tableExists(Connection connection, String table) throws SQLException;
}
