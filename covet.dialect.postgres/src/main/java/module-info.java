/**
 * The PostgreSQL dialect. {@code requires org.postgresql.jdbc} (pgjdbc's automatic module name) puts the driver in
 * the same layer as the dialect, on the module path and in a plugin layer alike; the driver itself is reached
 * through {@code uses java.sql.Driver}, never through DriverManager.
 */
module covet.dialect.postgres {
    requires covet.api;
    requires org.postgresql.jdbc;

    uses java.sql.Driver;

    provides covet.api.spi.Dialect with covet.dialect.postgres.PostgresDialect;
}
