package covet.dialect.sqlite;

import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.operation.Operation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real SQLite file driven the way the engine's runner drives a dialect: autocommit off, the lock, then each
 * operation's statements inside a savepoint, the integrity check, and a commit.
 */
final class SqliteTestDb implements AutoCloseable {
    final SqliteDialect dialect = new SqliteDialect();
    final Connection connection;

    SqliteTestDb(Path file) throws SQLException {
        connection = dialect.connect(dialect.jdbcUrl(null, null, file.toString()), new Properties());
        connection.setAutoCommit(false);
        dialect.lock().acquire(connection, Duration.ofSeconds(10));
    }

    /** Applies {@code op} to the database and returns the model after it. */
    Schema apply(Schema before, Operation op) throws SQLException {
        List<String> statements = dialect.render(op, () -> before);
        Savepoint savepoint = connection.setSavepoint();
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
            dialect.checkIntegrity(connection);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            connection.rollback(savepoint);
            connection.commit();
            throw e;
        }
        connection.commit();
        return op.applyTo(before);
    }

    Schema introspect() throws SQLException {
        return dialect.introspector().introspect(connection);
    }

    void exec(String... statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        connection.commit();
    }

    Object scalar(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }

    /** Every row of every table, by rowid, as column name to value. */
    Map<String, List<Map<String, Object>>> rows(Schema schema) throws SQLException {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        for (Table t : schema.tables()) {
            all.put(t.name(), rows(t.name()));
        }
        return all;
    }

    List<Map<String, Object>> rows(String table) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + SqliteDdl.quote(table) + " ORDER BY rowid")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
