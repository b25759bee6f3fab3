package covet.dialect.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Distributed SQL databases that speak the PostgreSQL protocol and answer {@code version()} with their own name:
 * CockroachDB ({@code CockroachDB CCL v24.3.5 (...)}) and YugabyteDB ({@code PostgreSQL 11.2-YB-2.21.0.1-b0 on
 * ...}). Neither gives what this dialect relies on, so Covet refuses them instead of migrating under a lock that
 * does not lock (docs/distributed.md):
 * <ul>
 *   <li>CockroachDB's {@code pg_advisory_lock} is a stub that returns at once without locking (cockroach#13546),
 *       and DDL inside a transaction is not atomic with the rest of it (schema changes run as background jobs after
 *       commit), so a migration and its history row cannot commit together;</li>
 *   <li>YugabyteDB lacks session advisory locks or has them as a preview (yugabyte-db#3642), and its DDL is
 *       transactional only in recent releases or behind the preview flag
 *       {@code ysql_yb_ddl_transaction_block_enabled}.</li>
 * </ul>
 */
final class DistributedPostgres {
    private DistributedPostgres() {
    }

    /** Why Covet refuses the server whose {@code version()} is {@code version}, or empty for PostgreSQL itself. */
    static Optional<String> refusal(String version) {
        if (version == null) {
            return Optional.empty();
        }
        if (version.startsWith("CockroachDB")) {
            return Optional.of("postgresql: this server is CockroachDB (" + firstWords(version) + "), which the"
                    + " PostgreSQL dialect does not support: its pg_advisory_lock is a no-op, so the migration lock"
                    + " would not lock, and its schema changes are not transactional (they run as jobs after"
                    + " commit), so a migration and its history row cannot commit together. Covet has no"
                    + " CockroachDB dialect yet; see docs/distributed.md");
        }
        if (version.contains("-YB-")) {
            return Optional.of("postgresql: this server is YugabyteDB (" + firstWords(version) + "), which the"
                    + " PostgreSQL dialect does not support: session advisory locks (pg_advisory_lock) are missing"
                    + " or a preview feature there, so the migration lock would not lock, and its DDL is"
                    + " transactional only in recent releases or behind a preview flag, so a failed migration may"
                    + " not roll back with its history row. Covet has no YugabyteDB dialect yet; see"
                    + " docs/distributed.md");
        }
        return Optional.empty();
    }

    /** Throws the refusal for the server behind {@code connection}, if any. */
    static void check(Connection connection) throws SQLException {
        String version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT version()")) {
            version = rs.next() ? rs.getString(1) : null;
        }
        Optional<String> refusal = refusal(version);
        if (refusal.isPresent()) {
            throw new SQLException(refusal.get(), "0A000");
        }
    }

    private static String firstWords(String version) {
        int cut = version.indexOf(" (");
        int on = version.indexOf(" on ");
        int end = Math.min(cut < 0 ? version.length() : cut, on < 0 ? version.length() : on);
        return version.substring(0, end).strip();
    }
}
