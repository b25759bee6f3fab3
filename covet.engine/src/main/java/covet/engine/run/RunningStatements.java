package covet.engine.run;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements open on Covet's connections, so that an interruption (SIGINT, SIGTERM) can cancel the one the
 * server is running: {@link Statement#cancel()} makes the server stop it (PostgreSQL's cancel request, MariaDB's
 * {@code KILL QUERY}, SQLite's {@code sqlite3_interrupt}), the runner then fails as for any failed statement (it
 * rolls back or records FAILED at the operation, and the lock is released as the connection closes), and the run
 * stops before its next migration or operation ({@link #checkNotInterrupted}).
 *
 * <p>One registry per process ({@link #process()}): a signal is delivered to the process, not to one run. A
 * connection joins it through {@link #track}, which hands back the same connection but remembers every statement made
 * on it; drivers cancel only a statement that is executing, so cancelling an idle one does nothing.
 */
public final class RunningStatements {
    private static final RunningStatements PROCESS = new RunningStatements();

    /** Open statements by tracked connection (the driver's own objects), in the order they were made. */
    private final Map<Connection, List<Statement>> open = new LinkedHashMap<>();
    private volatile String interruption;

    RunningStatements() {
    }

    /** The process's registry, which {@code Covet.connect} fills and the CLI's signal handler cancels. */
    public static RunningStatements process() {
        return PROCESS;
    }

    /** {@code connection}, tracked: the statements made on it can be cancelled until each (or it) is closed. */
    public Connection track(Connection connection) {
        synchronized (open) {
            open.put(connection, new ArrayList<>());
        }
        return (Connection) Proxy.newProxyInstance(RunningStatements.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Tracker(connection));
    }

    /** What an interruption found: how many connections were open and how many of their statements were asked to stop. */
    public record Cancelled(int connections, int statements) {
    }

    /**
     * Marks the process interrupted by {@code signal} (SIGINT, SIGTERM) and cancels every open statement of every
     * tracked connection. Returns at once: the drivers' cancel does not wait for the statement to end.
     */
    public Cancelled interrupt(String signal) {
        interruption = signal;
        List<Statement> statements = new ArrayList<>();
        int connections;
        synchronized (open) {
            connections = open.size();
            open.values().forEach(statements::addAll);
        }
        int cancelled = 0;
        for (Statement s : statements) {
            // no isClosed() first: MySQL Connector/J takes the connection's lock for it, which the running statement
            // holds; cancel() does not, and a closed statement's cancel fails or does nothing
            try {
                s.cancel();
                cancelled++;
            } catch (SQLException | RuntimeException closedMeanwhile) {
                // the statement was closed: it ended on its own, which is what the cancel was for
            }
        }
        return new Cancelled(connections, cancelled);
    }

    /** The signal that interrupted the process (SIGINT, SIGTERM), or null. */
    public String interruption() {
        return interruption;
    }

    /** True while a tracked connection is open (a command is talking to the database). */
    public boolean connected() {
        synchronized (open) {
            return !open.isEmpty();
        }
    }

    /**
     * Throws when the process was interrupted: the runner calls it before each migration and operation, so that an
     * interruption between two statements stops the run as surely as a cancelled one.
     */
    public void checkNotInterrupted(String before) throws SQLException {
        String signal = interruption;
        if (signal != null) {
            // SQLState 57014: "query canceled", as PostgreSQL reports a cancelled statement
            throw new SQLException("interrupted by " + signal + " before " + before + " started", "57014");
        }
    }

    private void made(Connection connection, Object statement) {
        if (!(statement instanceof Statement s)) {
            return;
        }
        synchronized (open) {
            List<Statement> list = open.get(connection);
            if (list == null) {
                return;
            }
            if (list.size() >= 32) {
                list.removeIf(RunningStatements::isClosed);
            }
            list.add(s);
        }
    }

    private static boolean isClosed(Statement s) {
        try {
            return s.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private void closed(Connection connection) {
        synchronized (open) {
            open.remove(connection);
        }
    }

    /** Forwards every call to the real connection, noting the statements it makes and its close. */
    private final class Tracker implements InvocationHandler {
        private final Connection real;

        Tracker(Connection real) {
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    if (args.length == 1 && method.getParameterTypes()[0] == Object.class) {
                        return proxy == args[0];
                    }
                    break;
                case "hashCode":
                    if (args == null || args.length == 0) {
                        return System.identityHashCode(proxy);
                    }
                    break;
                case "toString":
                    if (args == null || args.length == 0) {
                        return real.toString();
                    }
                    break;
                default:
                    break;
            }
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (method.getName().equals("close")) {
                    closed(real);
                }
            }
            if (method.getName().equals("createStatement") || method.getName().equals("prepareStatement")
                    || method.getName().equals("prepareCall")) {
                made(real, result);
            }
            return result;
        }
    }
}
