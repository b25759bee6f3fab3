package covet.engine.history;

import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Index;
import covet.api.model.LogicalType;
import covet.api.model.PrimaryKey;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.TypeKind;
import covet.api.operation.AddColumn;
import covet.api.operation.CreateTable;
import covet.api.spi.Dialect;
import covet.api.sql.SqlBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
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
            "execution_ms", "operations_applied", "operations_total", "status", "file_hash");
    private static final List<String> INSERTED = COLUMNS.subList(1, COLUMNS.size());
    /** Columns added after the first release: a table an older Covet created lacks them until a writer adds them. */
    private static final List<String> ADDED_LATER = List.of("file_hash");

    private final Dialect dialect;
    private final SqlBuilder sql;
    private final Function<String, String> fileHashes;

    public HistoryTable(Dialect dialect) {
        this(dialect, id -> null);
    }

    private HistoryTable(Dialect dialect, Function<String, String> fileHashes) {
        this.dialect = dialect;
        this.sql = new SqlBuilder(dialect::quoteIdentifier);
        this.fileHashes = fileHashes;
    }

    /**
     * This table recording, in each row it inserts, the hash of the migration's file ({@code fileHashes}: migration
     * id to hash, null for none), so a later no-op migrate can see the file unchanged without parsing it.
     */
    public HistoryTable withFileHashes(Function<String, String> fileHashes) {
        return new HistoryTable(dialect, fileHashes);
    }

    /**
     * The rows, and the columns of {@link #definition()} the table lacks (a table created by an older Covet).
     *
     * @param missing empty on an up-to-date table; {@link #addColumns} adds them
     */
    public record Read(List<AppliedMigration> rows, List<String> missing) {
        public Read {
            rows = List.copyOf(rows);
            missing = List.copyOf(missing);
        }
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
                Column.of("status", LogicalType.varchar(16)).notNull(),
                // added after the first release: nullable, so the upgrade of an older table can add it in place
                Column.of("file_hash", LogicalType.varchar(64))),
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
        return readAll(c).rows();
    }

    /**
     * Every row, and the columns the table lacks, in one statement: {@code SELECT *} read by column name, so a table
     * created by an older Covet reads too (its rows have no file hash) and the writer can upgrade it.
     */
    public Read readAll(Connection c) throws SQLException {
        List<AppliedMigration> rows = new ArrayList<>();
        String select = sql.selectAll(NAME, List.of("id"));
        SQL.debug("history: {}", select);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(select)) {
            Map<String, Integer> at = new HashMap<>();
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = meta.getColumnCount(); i >= 1; i--) {
                at.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
            }
            List<String> missing = COLUMNS.stream().filter(name -> !at.containsKey(name)).toList();
            if (!ADDED_LATER.containsAll(missing)) {
                throw new CorruptHistoryException(NAME + " has no column " + String.join(", ", missing)
                        + ": it is not Covet's history table, or was altered by hand");
            }
            Integer fileHash = at.get("file_hash");
            while (rs.next()) {
                Timestamp applied = rs.getTimestamp(at.get("applied_at"));
                rows.add(HistoryRowCheck.checked(new AppliedMigration(rs.getLong(at.get("id")),
                        rs.getString(at.get("name")), rs.getString(at.get("app")),
                        applied == null ? null : applied.toInstant(), rs.getString(at.get("checksum")),
                        rs.getLong(at.get("execution_ms")), rs.getInt(at.get("operations_applied")),
                        rs.getInt(at.get("operations_total")), rs.getString(at.get("status")),
                        fileHash == null ? null : rs.getString(fileHash))));
            }
            return new Read(rows, missing);
        }
    }

    /**
     * Adds {@code missing} columns of {@link #definition()} to a table an older Covet created, each rendered by the
     * dialect as an AddColumn; the contract's columns are never touched.
     */
    public void addColumns(Connection c, List<String> missing) throws SQLException {
        Table table = definition();
        try (Statement s = c.createStatement()) {
            for (String name : missing) {
                Column column = table.columns().stream().filter(col -> col.name().equals(name)).findFirst()
                        .orElseThrow();
                for (String statement : dialect.render(new AddColumn(NAME, column),
                        () -> Schema.EMPTY.withTables(List.of(table)))) {
                    SQL.debug("history: {}", statement);
                    s.execute(statement);
                }
            }
        }
    }

    /**
     * Records the file hash of rows written before their file's hash was known (an older table, a rerun): one batch
     * of updates, so the next no-op migrate finds the files unchanged. {@code hashes}: row to its file's hash.
     */
    public void recordFileHashes(Connection c, Map<AppliedMigration, String> hashes) throws SQLException {
        if (hashes.isEmpty()) {
            return;
        }
        String update = sql.update(NAME, List.of("file_hash"), List.of("name", "app"));
        SQL.debug("history: {} ({} rows)", update, hashes.size());
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (Map.Entry<AppliedMigration, String> e : hashes.entrySet()) {
                ps.setString(1, e.getValue());
                ps.setString(2, e.getKey().name());
                ps.setString(3, e.getKey().app());
                ps.addBatch();
            }
            ps.executeBatch();
        }
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
            String fileHash = fileHashes.apply(name);
            if (fileHash == null) {
                ps.setNull(9, Types.VARCHAR);
            } else {
                ps.setString(9, fileHash);
            }
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
