package covet.dialect.mysql;

import covet.api.spi.MigrationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The migration lock on a Galera cluster. {@code GET_LOCK} is per node there and nothing warns, so two deployers
 * behind a load balancer would both migrate. Instead the lock is a row in {@value #TABLE}, inserted (or taken
 * over) by a transaction whose commit the cluster certifies: of two nodes inserting it at once exactly one commit
 * succeeds, the other fails with 1213 or, later, finds the row.
 * <p>
 * The row carries a lease: its holder bumps {@code heartbeat} every {@link #heartbeatEvery} from a second
 * connection, so a long ALTER does not starve it. A contender that sees the same holder and heartbeat for a whole
 * lease on its own clock (no clock comparison between nodes) takes the row over with an UPDATE conditioned on
 * both; never earlier. A holder whose heartbeat finds the row gone or taken, or that could not renew it for a whole
 * lease, aborts its migration connection: it may no longer be the only one migrating.
 * <p>
 * The migration connection itself gets {@code wsrep_sync_wait=1}, so the history it reads under the lock holds
 * every write the cluster committed, and {@code wsrep_retry_autocommit}, so that a history row the cluster aborts
 * at commit (1213) is retried by the server: the runner writes history rows in autocommit statements of their own,
 * so the retry never runs DDL again.
 */
final class GaleraLock {
    static final String TABLE = "covet_migrations_lock";
    private static final String ROW = "migrate";
    /** Server-side retries of an autocommit history write aborted by a certification conflict. */
    private static final int AUTOCOMMIT_RETRIES = 10;
    private static final System.Logger LOG = System.getLogger(GaleraLock.class.getName());

    private final Duration lease;
    private final Duration heartbeatEvery;

    GaleraLock(Duration lease) {
        this.lease = lease;
        this.heartbeatEvery = lease.dividedBy(5);
    }

    /** The lease from {@code COVET_LOCK_LEASE_SECONDS} / {@code -Dcovet.lock.lease.seconds}, 30 s by default. */
    static Duration configuredLease() {
        String value = System.getProperty("covet.lock.lease.seconds", System.getenv("COVET_LOCK_LEASE_SECONDS"));
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(30);
        }
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds >= 2) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException("mysql: COVET_LOCK_LEASE_SECONDS must be a whole number of seconds >= 2,"
                + " not '" + value + "'");
    }

    MigrationLock.Lease acquire(Connection main, Duration timeout, GaleraCluster cluster) throws SQLException {
        String refusal = cluster.refusal().orElse(null);
        if (refusal != null) {
            throw new SQLException("mysql: " + refusal);
        }
        try (Statement s = main.createStatement()) {
            s.execute("SET SESSION wsrep_sync_wait = 1");
            s.execute("SET SESSION wsrep_retry_autocommit = " + AUTOCOMMIT_RETRIES);
        }
        String holder = holderName(cluster);
        Connection side = GaleraSideConnection.open(main);
        try {
            try (Statement s = side.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = 1");
                // DDL replicates in TOI: every node gets the table; a concurrent identical CREATE is a no-op
                s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (lock_name VARCHAR(64) NOT NULL PRIMARY KEY,"
                        + " holder VARCHAR(200) NOT NULL, heartbeat BIGINT NOT NULL,"
                        + " taken_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
                        + " renewed_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB");
            }
            side.setAutoCommit(false);
            take(side, holder, timeout);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(side);
            throw e;
        }
        return new Held(main, side, holder);
    }

    /** Inserts the row, or takes it over after a whole lease without a heartbeat; waits at most {@code timeout}. */
    private void take(Connection side, String holder, Duration timeout) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + (timeout == null ? 0 : timeout.toNanos());
        String seenHolder = null;
        long seenBeat = -1;
        long seenSince = start;
        while (true) {
            Observed row = read(side);
            if (row == null) {
                if (commits(side, "INSERT INTO " + TABLE + " (lock_name, holder, heartbeat) VALUES (?, ?, 0)",
                        holder)) {
                    return;
                }
            } else if (!row.holder().equals(seenHolder) || row.heartbeat() != seenBeat) {
                seenHolder = row.holder();
                seenBeat = row.heartbeat();
                seenSince = System.nanoTime();
            } else if (System.nanoTime() - seenSince >= lease.toNanos()) {
                LOG.log(System.Logger.Level.WARNING, "taking over the migration lock from " + row.holder()
                        + ": no heartbeat for " + lease.toSeconds() + " s");
                if (takeOver(side, holder, row)) {
                    return;
                }
            }
            if (System.nanoTime() >= deadline) {
                throw new SQLException("mysql: timed out after " + (timeout == null ? 0 : timeout.toSeconds())
                        + " s waiting for the migration lock (row '" + ROW + "' of " + TABLE + ")"
                        + (seenHolder == null ? "" : ", held by " + seenHolder + ", heartbeat "
                        + seenBeat + " seen " + (System.nanoTime() - seenSince) / 1_000_000_000L + " s ago")
                        + "; another covet run is migrating this database. A holder that died is taken over "
                        + lease.toSeconds() + " s after its last heartbeat.");
            }
            sleep(100 + ThreadLocalRandom.current().nextInt(200));
        }
    }

    private record Observed(String holder, long heartbeat) {
    }

    private static Observed read(Connection side) throws SQLException {
        try (PreparedStatement ps = side.prepareStatement("SELECT holder, heartbeat FROM " + TABLE
                + " WHERE lock_name = ?")) {
            ps.setString(1, ROW);
            try (ResultSet rs = ps.executeQuery()) {
                Observed row = rs.next() ? new Observed(rs.getString(1), rs.getLong(2)) : null;
                side.commit(); // the next read starts a fresh snapshot
                return row;
            }
        }
    }

    private static boolean takeOver(Connection side, String holder, Observed dead) throws SQLException {
        try (PreparedStatement ps = side.prepareStatement("UPDATE " + TABLE + " SET holder = ?,"
                + " heartbeat = heartbeat + 1, taken_at = CURRENT_TIMESTAMP(6), renewed_at = CURRENT_TIMESTAMP(6)"
                + " WHERE lock_name = ? AND holder = ? AND heartbeat = ?")) {
            ps.setString(1, holder);
            ps.setString(2, ROW);
            ps.setString(3, dead.holder());
            ps.setLong(4, dead.heartbeat());
            if (ps.executeUpdate() != 1) {
                side.rollback();
                return false;
            }
            side.commit();
            return true;
        } catch (SQLException e) {
            return lostRace(side, e);
        }
    }

    /** Runs an INSERT of the lock row and commits it; false when another node's row won. */
    private static boolean commits(Connection side, String sql, String holder) throws SQLException {
        try (PreparedStatement ps = side.prepareStatement(sql)) {
            ps.setString(1, ROW);
            ps.setString(2, holder);
            ps.executeUpdate();
            side.commit();
            return true;
        } catch (SQLException e) {
            return lostRace(side, e);
        }
    }

    /** 1213 (certification failure at commit) and 1062 (the row arrived first) mean another deployer won. */
    private static boolean lostRace(Connection side, SQLException e) throws SQLException {
        try {
            side.rollback();
        } catch (SQLException ignored) {
            // the transaction is gone already
        }
        if (e.getErrorCode() == 1213 || e.getErrorCode() == 1062 || "40001".equals(e.getSQLState())) {
            return false;
        }
        throw e;
    }

    private static String holderName(GaleraCluster cluster) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "?";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host + " via " + cluster.node() + " ("
                + UUID.randomUUID().toString().substring(0, 8) + ")";
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("mysql: interrupted while waiting for the migration lock", e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing is all that was left to do
        }
    }

    /** The held lock: a heartbeat while it lasts, the row deleted on close. */
    private final class Held implements MigrationLock.Lease {
        private final Connection main;
        private final Connection side;
        private final String holder;
        private final ScheduledExecutorService beat;
        private volatile long lastRenewal = System.nanoTime();
        private volatile String lost;

        Held(Connection main, Connection side, String holder) {
            this.main = main;
            this.side = side;
            this.holder = holder;
            this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "covet-galera-lock-heartbeat");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(100, heartbeatEvery.toMillis());
            beat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
        }

        private synchronized void renew() {
            if (lost != null) {
                return;
            }
            try (PreparedStatement ps = side.prepareStatement("UPDATE " + TABLE + " SET heartbeat = heartbeat + 1,"
                    + " renewed_at = CURRENT_TIMESTAMP(6) WHERE lock_name = ? AND holder = ?")) {
                ps.setString(1, ROW);
                ps.setString(2, holder);
                int n = ps.executeUpdate();
                side.commit();
                if (n == 1) {
                    lastRenewal = System.nanoTime();
                    return;
                }
                lose("another deployer took the migration lock over (" + TABLE + " no longer names this run)");
            } catch (SQLException e) {
                try {
                    side.rollback();
                } catch (SQLException ignored) {
                    // the next beat tries again
                }
                if (System.nanoTime() - lastRenewal >= lease.toNanos()) {
                    lose("the migration lock's heartbeat failed for a whole lease (" + lease.toSeconds() + " s): "
                            + e.getMessage());
                }
            }
        }

        /** Stops this run: once another deployer may hold the lock, nothing more may be applied here. */
        private void lose(String why) {
            lost = why;
            LOG.log(System.Logger.Level.ERROR, "mysql: " + why + "; aborting this run's connection");
            try {
                main.abort(Runnable::run);
            } catch (SQLException ignored) {
                // a closed connection has nothing left to apply
            }
        }

        @Override
        public void close() throws SQLException {
            beat.shutdownNow();
            synchronized (this) {
                try {
                    if (lost == null) {
                        release();
                    }
                } finally {
                    closeQuietly(side);
                    restoreSession();
                }
            }
            if (lost != null) {
                throw new SQLException("mysql: " + lost);
            }
        }

        /** A pooled connection goes back with the server's defaults for what {@link #acquire} changed. */
        private void restoreSession() {
            try (Statement s = main.createStatement()) {
                s.execute("SET SESSION wsrep_sync_wait = DEFAULT, wsrep_retry_autocommit = DEFAULT");
            } catch (SQLException ignored) {
                // a closed or aborted connection is not going back to any pool
            }
        }

        private void release() throws SQLException {
            for (int attempt = 1; ; attempt++) {
                try (PreparedStatement ps = side.prepareStatement("DELETE FROM " + TABLE
                        + " WHERE lock_name = ? AND holder = ?")) {
                    ps.setString(1, ROW);
                    ps.setString(2, holder);
                    ps.executeUpdate();
                    side.commit();
                    return;
                } catch (SQLException e) {
                    side.rollback();
                    if (e.getErrorCode() != 1213 || attempt == 5) {
                        throw e;
                    }
                }
            }
        }
    }
}
