package covet.dialect.mysql;

import covet.api.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The MySQL dialect's migration lock: {@code GET_LOCK} ({@link MysqlLock}) on a single server, the certified lock
 * row ({@link GaleraLock}) when the connection reaches a Galera cluster, where {@code GET_LOCK} locks one node only.
 */
final class ClusterAwareLock implements MigrationLock {
    private final MysqlLock single;

    ClusterAwareLock(MysqlLock single) {
        this.single = single;
    }

    @Override
    public Lease acquire(Connection connection, Duration timeout) throws SQLException {
        Optional<GaleraCluster> cluster = GaleraCluster.detect(connection);
        if (cluster.isEmpty()) {
            return single.acquire(connection, timeout);
        }
        return new GaleraLock(GaleraLock.configuredLease()).acquire(connection, timeout, cluster.get());
    }

    /**
     * A script run by hand ({@code migrate --sql}) keeps {@code GET_LOCK}: it is all a client script can take, and
     * on a cluster it protects one node only, which {@code docs/distributed.md} says.
     */
    @Override
    public List<String> lockScript(String jdbcUrl) {
        return single.lockScript(jdbcUrl);
    }

    @Override
    public List<String> unlockScript(String jdbcUrl) {
        return single.unlockScript(jdbcUrl);
    }
}
