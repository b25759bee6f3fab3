package covet.dialect.mysql;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A second connection to the node the migration connection reaches, with its URL and credentials, for the lock
 * row and its heartbeat: the heartbeat must go on while the migration connection is busy with a long ALTER, and
 * the lock row's transactions must not disturb the migration connection's autocommit mode.
 * <p>
 * The {@link covet.api.spi.MigrationLock} SPI hands a lock only the connection, so URL and settings are taken from
 * Connector/J itself ({@code JdbcConnection.getProperties()} holds what the connection was opened with, password
 * included), through reflection because the dialect does not require the driver's module by name.
 */
final class GaleraSideConnection {
    private static final String DRIVER = "com.mysql.cj.jdbc.Driver";
    private static final String CONNECTION = "com.mysql.cj.jdbc.JdbcConnection";

    private GaleraSideConnection() {
    }

    static Connection open(Connection main) throws SQLException {
        String url = main.getMetaData().getURL();
        for (ClassLoader loader : new ClassLoader[] {main.getClass().getClassLoader(),
                GaleraSideConnection.class.getClassLoader(), Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Class<?> type = Class.forName(CONNECTION, false, loader);
                if (!main.isWrapperFor(type)) {
                    continue;
                }
                Object real = main.unwrap(type);
                Properties settings = new Properties();
                Object given = type.getMethod("getProperties").invoke(real);
                if (given instanceof Properties p) {
                    settings.putAll(p);
                }
                Driver driver = (Driver) Class.forName(DRIVER, true, loader).getConstructor().newInstance();
                Connection side = driver.connect(url, settings);
                if (side != null) {
                    return side;
                }
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                // another loader may see the driver; the failure below names what was tried
            }
        }
        throw new SQLException("mysql: the Galera lock needs a second connection to the same node for its lease"
                + " heartbeat, and could not open one from " + main.getClass().getName() + " (it works with"
                + " connections opened by Covet or any pool over Connector/J)");
    }
}
