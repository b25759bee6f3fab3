package covet.engine.history;

import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.operation.CreateTable;
import covet.api.spi.Dialect;
import covet.api.sql.SqlBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history table {@code covet_migrations}: created on first use through the dialect's own CreateTable rendering,
 * read and written with {@link SqlBuilder} statements and bind parameters. One row per migration and app.
 */
public final class HistoryTable {
    /** Every statement Covet runs is logged here at DEBUG, the history's included. */
    private static final Logger SQL = LoggerFactory.getLogger("covet.sql");
    public static final String NAME = "covet_migrations";
    /**
     * The table a dialect keeps its migration lock in where the database has no lock that spans it (a Galera
     * cluster: {@code GET_LOCK} is per node); Covet's own, like the history, so never part of a user's schema.
     */
    public static final String LOCK_TABLE = "covet_migrations_lock";
    private static final List<String> COLUMNS = List.of("id", "name", "app", "applied_at", "checksum",
            "execution_ms", "operations_applied", "operations_total", "status");
    private static final List<String> INSERTED = COLUMNS.subList(1, COLUMNS.size());

    private final Dialect dialect;
    private final SqlBuilder sql;

    public HistoryTable(Dialect dialect) {
        this.dialect = dialect;
        this.sql = new SqlBuilder(dialect::quoteIdentifier);
    }

    /** The table's definition in the schema model, so every dialect renders it its own way. */
    public static Table definition() {
        ColumnType varchar255 = LogicalType.varchar(255);
        return new Table(NAME, List.of(
                Column.of("id", LogicalType.of(TypeKind.INTEGER)).notNull().withAutoIncrement(true),
                Column.of("name", varchar255).notNull(),
                Column.of("app", LogicalType.varchar(100)).notNull(),
                Column.of("applied_at", LogicalType.of(TypeKind.TIMESTAMP)).notNull(),
                Column.of("checksum", LogicalType.varchar(64)).notNull(),
                Column.of("execution_ms", LogicalType.of(TypeKind.BIGINT)).notNull(),
                Column.of("operations_applied", LogicalType.of(TypeKind.INTEGER)).notNull(),
                Column.of("operations_total", LogicalType.of(TypeKind.INTEGER)).notNull(),
                Column.of("status", LogicalType.varchar(16)).notNull()),
                PrimaryKey.of("id"), null,
                List.of(Index.uniqueOn(NAME + "_name_app_uq", "name", "app")), null, null, null);
    }

    /** {@code schema} without Covet's own tables (the history and the lock table). */
    public static Schema withoutOwnTables(Schema schema) {
        return schema.without(NAME).without(LOCK_TABLE);
    }

    public boolean exists(Connection c) throws SQLException {
        return dialect.introspector().tableExists(c, NAME);
    }

    /** Creates the table when it is missing; true when it did. */
    public boolean ensure(Connection c) throws SQLException {
        if (exists(c)) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            for (String statement : dialect.render(new CreateTable(definition()), () -> Schema.EMPTY)) {
                SQL.debug("history: {}", statement);
                s.execute(statement);
            }
        }
        return true;
    }

    /** Every row, in the order applied; a row with values Covet never writes is a {@link CorruptHistoryException}. */
    public List<AppliedMigration> read(Connection c) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        String select = sql.select(NAME, COLUMNS, List.of(), List.of("id"));
        SQL.debug("history: {}", select);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(select)) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(4);
                rows.add(HistoryRowCheck.checked(new AppliedMigration(rs.getLong(1), rs.getString(2),
                        rs.getString(3), at == null ? null : at.toInstant(), rs.getString(5), rs.getLong(6),
                        rs.getInt(7), rs.getInt(8), rs.getString(9))));
            }
        }
        return rows;
    }

    /** Records a migration; {@code status} APPLIED for a finished one, RUNNING for one about to start. */
    public void insert(Connection c, String name, String app, String checksum, long executionMs,
                       int operationsApplied, int operationsTotal, String status) throws SQLException {
        String insert = sql.insert(NAME, INSERTED);
        SQL.debug("history: {} ({}, {}, {})", insert, name, app, status);
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, name);
            ps.setString(2, app);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setString(4, checksum);
            ps.setLong(5, executionMs);
            ps.setInt(6, operationsApplied);
            ps.setInt(7, operationsTotal);
            ps.setString(8, status);
            ps.executeUpdate();
        }
    }

    /** Progress of a migration on a database without transactional DDL. */
    public void updateProgress(Connection c, String name, String app, String checksum, int operationsApplied,
                               String status, long executionMs) throws SQLException {
        String update = sql.update(NAME, List.of("checksum", "operations_applied", "status", "execution_ms",
                "applied_at"), List.of("name", "app"));
        SQL.debug("history: {} ({}, {} operations, {})", update, name, operationsApplied, status);
        try (PreparedStatement ps = c.prepareStatement(update)) {
            ps.setString(1, checksum);
            ps.setInt(2, operationsApplied);
            ps.setString(3, status);
            ps.setLong(4, executionMs);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.setString(6, name);
            ps.setString(7, app);
            ps.executeUpdate();
        }
    }

    public void delete(Connection c, String name, String app) throws SQLException {
        String delete = sql.delete(NAME, List.of("name", "app"));
        SQL.debug("history: {} ({}, {})", delete, name, app);
        try (PreparedStatement ps = c.prepareStatement(delete)) {
            ps.setString(1, name);
            ps.setString(2, app);
            ps.executeUpdate();
        }
    }
}
