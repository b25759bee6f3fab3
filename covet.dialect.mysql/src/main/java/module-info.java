/**
 * The MySQL / MariaDB dialect. The driver is never required by name: Connector/J is a filename-derived automatic
 * module, so the dialect finds its {@link java.sql.Driver} through {@code uses} on its own layer.
 */
module covet.dialect.mysql {
    requires covet.api;
    uses java.sql.Driver;

    provides covet.api.spi.Dialect with covet.dialect.mysql.MysqlDialect;
}
