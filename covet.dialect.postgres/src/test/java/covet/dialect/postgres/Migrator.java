package covet.dialect.postgres;

import covet.api.model.Schema;
import covet.api.operation.Operation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Applies operations the way the engine's runner does: render against the state before, execute, commit. */
final class Migrator {
    private final Connection connection;
    private Schema state;

    Migrator(Connection connection, Schema initial) throws SQLException {
        this.connection = connection;
        this.state = initial;
        connection.setAutoCommit(false);
    }

    Schema state() {
        return state;
    }

    List<String> apply(Operation op) throws SQLException {
        Schema before = state;
        List<String> sql = PostgresTestDatabase.DIALECT.render(op, () -> before);
        try (Statement st = connection.createStatement()) {
            for (String s : sql) {
                try {
                    st.execute(s);
                } catch (SQLException e) {
                    connection.rollback();
                    throw new SQLException(op.describe() + " failed on: " + s + ": " + e.getMessage(), e);
                }
            }
        }
        connection.commit();
        state = op.applyTo(before);
        return sql;
    }

    Schema introspect() throws SQLException {
        Schema s = PostgresTestDatabase.DIALECT.introspector().introspect(connection);
        connection.commit();
        return s;
    }
}
