/**
 * A sample third-party dialect for the embedded H2 database. It requires only covet.api: the H2 driver sits beside
 * it in plugins/ and is found through {@code uses java.sql.Driver} on this module's own layer, because
 * {@link java.sql.DriverManager} cannot see a driver inside a plugin layer.
 */
module sample.dialect.h2 {
    requires covet.api;
    uses java.sql.Driver;

    provides covet.api.spi.Dialect with sample.dialect.h2.H2Dialect;
}
