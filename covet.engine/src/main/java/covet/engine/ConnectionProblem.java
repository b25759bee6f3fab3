package covet.engine;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the network cause of a failed connection the way a user can act on it (an unknown host, a port where
 * nothing listens), since drivers bury it: MySQL Connector/J says "Communications link failure" for both, pgJDBC
 * "The connection attempt failed" for an unknown host.
 */
final class ConnectionProblem {
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:[a-z0-9]+:(?:[a-z:]+:)?//([^/?;]+)");

    private ConnectionProblem() {
    }

    /** "unknown host 'db.example'", "connection refused: nothing listens on host:port", ...; null when unknown. */
    static String describe(Throwable failure, String url) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                String host = t.getMessage() == null ? hostPort(url) : t.getMessage().split(":")[0];
                return "unknown host '" + host + "' (no DNS entry: check the host name)";
            }
            if (t instanceof ConnectException) {
                return "connection refused: nothing listens on " + hostPort(url)
                        + " (is the server running, and on that port?)";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host " + hostPort(url);
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out connecting to " + hostPort(url) + " (a firewall, or a wrong host)";
            }
        }
        return null;
    }

    private static String hostPort(String url) {
        Matcher m = HOST_PORT.matcher(url == null ? "" : url);
        return m.find() ? m.group(1).replaceAll("^.*@", "") : "the server";
    }
}
