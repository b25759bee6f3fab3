package covet.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One fresh database a tool migrates: its JDBC URL (with credentials) and, for SQLite, its file. */
public record Target(DbKind kind, String name, String url, Path sqliteFile) {
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }
}
