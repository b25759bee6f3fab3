/** The MySQL / MariaDB dialect. The driver is never required by name: it is a filename-derived automatic module. */
module covet.dialect.mysql {
    requires covet.api;
    uses java.sql.Driver;
}
