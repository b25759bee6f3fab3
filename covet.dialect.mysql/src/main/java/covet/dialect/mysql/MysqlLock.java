package covet.dialect.mysql;

import covet.api.spi.MigrationLock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * {@code GET_LOCK} on a name derived from the current database. The lock belongs to the session, so the server
 * frees it when the holder's connection dies; no row is ever left to repair.
 */
public final class MysqlLock implements MigrationLock {
    /** GET_LOCK names are limited to 64 characters on MySQL 5.7+ and MariaDB. */
    static final int MAX_NAME = 64;

    @Override
    public Lease acquire(Connection connection, Duration timeout) throws SQLException {
        String name = lockName(currentDatabase(connection));
        long seconds = timeout == null ? 0 : Math.max(0, (timeout.toMillis() + 999) / 1000);
        Integer got;
        try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            ps.setString(1, name);
            ps.setLong(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int v = rs.getInt(1);
                got = rs.wasNull() ? null : v;
            }
        }
        if (got == null) {
            throw new SQLException("mysql: GET_LOCK('" + name + "') failed (the server returned NULL)");
        }
        if (got != 1) {
            throw new SQLException("mysql: timed out after " + seconds + " s waiting for the migration lock '"
                    + name + "'" + holder(connection, name) + "; another covet run is migrating this database");
        }
        return () -> release(connection, name);
    }

    private static void release(Connection connection, String name) throws SQLException {
        if (connection.isClosed()) {
            return; // the server released it with the session
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        }
    }

    private static String holder(Connection connection, String name) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? "" : ", held by connection id " + id;
                }
            }
        } catch (SQLException e) {
            // the timeout is the news; who holds the lock is only a hint
        }
        return "";
    }

    static String currentDatabase(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT DATABASE()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            String db = rs.getString(1);
            if (db == null) {
                throw new SQLException("mysql: no database selected: name one in the URL, e.g."
                        + " jdbc:mysql://127.0.0.1:3306/mydb");
            }
            return db;
        }
    }

    /** {@code covet:<database>}, or a digest of it when that would pass 64 characters. */
    /** The same lock in a script for the {@code mysql} client, on the URL's database. */
    @Override
    public java.util.List<String> lockScript(String jdbcUrl) {
        return java.util.List.of("SELECT GET_LOCK('" + lockName(urlDatabase(jdbcUrl)).replace("'", "''") + "', 300)");
    }

    @Override
    public java.util.List<String> unlockScript(String jdbcUrl) {
        return java.util.List.of("SELECT RELEASE_LOCK('" + lockName(urlDatabase(jdbcUrl)).replace("'", "''") + "')");
    }

    private static String urlDatabase(String url) {
        String rest = url.replaceFirst("^jdbc:mysql://[^/]*/?", "");
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    static String lockName(String database) {
        String name = "covet:" + database;
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(database.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            return "covet:" + hex.substring(0, MAX_NAME - "covet:".length());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
