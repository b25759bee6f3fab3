package covet.dialect.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a connection says about the Galera cluster behind it (MariaDB Galera Cluster, Percona XtraDB Cluster):
 * read from {@code wsrep_*} variables and status, which a server without Galera does not have (MySQL) or has
 * switched off ({@code wsrep_on=OFF}, MariaDB).
 *
 * @param size       nodes in the cluster this node sees ({@code wsrep_cluster_size})
 * @param node       this node's name ({@code wsrep_node_name})
 * @param state      this node's state ({@code wsrep_local_state_comment}: Synced, Donor/Desynced, Joining, ...)
 * @param ready      {@code wsrep_ready}: false on a node outside the primary component, which refuses queries
 * @param osuMethod  how this session runs DDL ({@code wsrep_OSU_method}: TOI or RSU)
 */
public record GaleraCluster(int size, String node, String state, boolean ready, String osuMethod) {

    /** The cluster behind {@code connection}, or empty for a server that does not replicate with Galera. */
    public static Optional<GaleraCluster> detect(Connection connection) throws SQLException {
        Map<String, String> variables = read(connection, "SHOW SESSION VARIABLES WHERE Variable_name IN "
                + "('wsrep_on', 'wsrep_node_name', 'wsrep_OSU_method')");
        if (!"ON".equalsIgnoreCase(variables.get("wsrep_on"))) {
            return Optional.empty();
        }
        Map<String, String> status = read(connection, "SHOW STATUS WHERE Variable_name IN "
                + "('wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready')");
        int size;
        try {
            size = Integer.parseInt(status.getOrDefault("wsrep_cluster_size", "0"));
        } catch (NumberFormatException e) {
            size = 0;
        }
        return Optional.of(new GaleraCluster(size, variables.getOrDefault("wsrep_node_name", "?"),
                status.getOrDefault("wsrep_local_state_comment", "?"),
                "ON".equalsIgnoreCase(status.get("wsrep_ready")),
                variables.getOrDefault("wsrep_osu_method", "TOI")));
    }

    private static Map<String, String> read(Connection connection, String sql) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return values;
    }

    /**
     * Why migrating through this node would be unsafe, or empty. RSU applies DDL to this node only, and the
     * others would never get it; a node outside the primary component or not yet Synced serves stale data.
     */
    public Optional<String> refusal() {
        if ("RSU".equalsIgnoreCase(osuMethod)) {
            return Optional.of("wsrep_OSU_method is RSU on node " + node + ": DDL would change this node only and"
                    + " the cluster would diverge; run migrations with wsrep_OSU_method=TOI (the default)");
        }
        if (!ready) {
            return Optional.of("node " + node + " is not ready (wsrep_ready=OFF, state " + state + "): it is not"
                    + " part of the primary component; connect to a node of the primary component");
        }
        if (!"Synced".equalsIgnoreCase(state)) {
            return Optional.of("node " + node + " is " + state + ", not Synced: it may not hold the other nodes'"
                    + " writes yet; connect to a Synced node");
        }
        return Optional.empty();
    }

    /** One line for {@code covet plugins} / {@code info}. */
    public String describe() {
        return "Galera cluster of " + size + " node" + (size == 1 ? "" : "s") + " (this node: " + node + ", "
                + state + ", DDL " + osuMethod + ")";
    }
}
