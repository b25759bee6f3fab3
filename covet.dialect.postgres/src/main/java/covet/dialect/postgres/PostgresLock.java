package covet.dialect.postgres;

import covet.api.spi.MigrationLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A session-level advisory lock on a key derived from "covet", the database and the current schema. The server
 * frees it when the holding session ends, so a killed deployer leaves nothing to clean up.
 *
 * <p>{@link #acquire} commits after each attempt when auto-commit is off: the lock is a session lock and survives
 * the commit, and the caller's next statement then starts a fresh transaction whose snapshot sees every migration
 * that the previous holder committed (a transaction opened by the lock query would otherwise carry, under
 * REPEATABLE READ, a snapshot from before the wait). Call it with no work pending.
 */
final class PostgresLock implements MigrationLock {
    private static final long POLL_MILLIS = 200;

    @Override
    public Lease acquire(Connection connection, Duration timeout) throws SQLException {
        DistributedPostgres.check(connection); // CockroachDB's advisory lock is a no-op: refuse before trusting it
        long key = key(connection);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean got = tryLock(connection, key);
            endTransaction(connection);
            if (got) {
                return new HeldLock(connection, key);
            }
            if (System.nanoTime() >= deadline) {
                throw new SQLException("postgresql: migration lock (advisory lock " + key + ") not acquired within "
                        + timeout + "; held by " + holder(connection, key), "55P03");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("postgresql: interrupted while waiting for the migration lock", e);
            }
        }
    }

    /** Closing releases the lock once; a second close does nothing. */
    private static final class HeldLock implements Lease {
        private final Connection connection;
        private final long key;
        private boolean released;

        HeldLock(Connection connection, long key) {
            this.connection = connection;
            this.key = key;
        }

        @Override
        public void close() throws SQLException {
            if (!released) {
                released = true;
                unlock(connection, key);
            }
        }
    }

    /**
     * The lock in a script for {@code psql}: the same key, from the URL's database and its {@code currentSchema}
     * parameter (default {@code public}), so a script and a running {@code covet migrate} exclude each other.
     */
    @Override
    public java.util.List<String> lockScript(String jdbcUrl) {
        return java.util.List.of("SELECT pg_advisory_lock(" + key(urlDatabase(jdbcUrl), urlSchema(jdbcUrl)) + ")");
    }

    @Override
    public java.util.List<String> unlockScript(String jdbcUrl) {
        return java.util.List.of("SELECT pg_advisory_unlock(" + key(urlDatabase(jdbcUrl), urlSchema(jdbcUrl)) + ")");
    }

    private static String urlDatabase(String url) {
        String rest = url.replaceFirst("^jdbc:postgresql:(//[^/]*/?)?", "");
        int q = rest.indexOf('?');
        String db = q < 0 ? rest : rest.substring(0, q);
        return db.isEmpty() ? "postgres" : db;
    }

    private static String urlSchema(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]currentSchema=([^&,]+)").matcher(url);
        return m.find() ? m.group(1) : "public";
    }

    /** The advisory key: the first 8 bytes of SHA-256("covet:" database ":" schema). */
    static long key(Connection connection) throws SQLException {
        String database;
        String schema;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT pg_catalog.current_database(), pg_catalog.current_schema()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            database = rs.getString(1);
            schema = rs.getString(2);
        }
        endTransaction(connection);
        return key(database, schema);
    }

    static long key(String database, String schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("covet:" + database + ":" + schema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("postgresql: SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void unlock(Connection connection, long key) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        boolean released;
        try {
            released = runUnlock(connection, key);
        } catch (SQLException e) {
            // 25P02: the caller left a failed transaction; the unlock cannot run inside it
            if (!"25P02".equals(e.getSQLState()) || connection.getAutoCommit()) {
                throw e;
            }
            connection.rollback();
            released = runUnlock(connection, key);
        }
        if (!released) {
            throw new SQLException("postgresql: migration lock (advisory lock " + key
                    + ") was not held by this session");
        }
    }

    private static boolean runUnlock(Connection connection, long key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Who holds the lock, for the timeout message: pid, application, client, since when. */
    private static String holder(Connection connection, long key) throws SQLException {
        String sql = """
                SELECT l.pid, a.application_name, a.client_addr, a.backend_start
                FROM pg_catalog.pg_locks l
                LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND l.database = (SELECT oid FROM pg_catalog.pg_database
                                    WHERE datname = pg_catalog.current_database())
                  AND l.classid = ((?::bigint >> 32) & 4294967295)::bigint::oid
                  AND l.objid = (?::bigint & 4294967295)::bigint::oid
                """;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key);
            ps.setLong(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "another session (not visible to this user)";
                }
                return "pid " + rs.getInt(1) + " (application '" + rs.getString(2) + "', client "
                        + rs.getString(3) + ", connected since " + rs.getString(4) + ")";
            }
        } finally {
            endTransaction(connection);
        }
    }

    private static void endTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
