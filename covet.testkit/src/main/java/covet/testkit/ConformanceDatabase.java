package covet.testkit;

import java.util.Properties;

/**
 * The empty database a conformance run works in: its JDBC URL, the connection properties, and how to remove it.
 * A file database needs nothing removed ({@link #of(String)}); a server database is created by the subclass and
 * dropped in {@link #close()}.
 */
public interface ConformanceDatabase extends AutoCloseable {

    String url();

    default Properties properties() {
        return new Properties();
    }

    /** Removes the database; called once, after the last scenario. */
    @Override
    default void close() throws Exception {
    }

    /** A database that needs no removal beyond its folder, e.g. a file in the run's temporary folder. */
    static ConformanceDatabase of(String url) {
        return () -> url;
    }

    /** A database on a server: {@code drop} removes it. */
    static ConformanceDatabase of(String url, Properties properties, AutoCloseable drop) {
        return new ConformanceDatabase() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public Properties properties() {
                return properties;
            }

            @Override
            public void close() throws Exception {
                drop.close();
            }
        };
    }
}
