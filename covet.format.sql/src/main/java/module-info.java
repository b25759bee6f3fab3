/**
 * The SQL migration file format: Flyway's {@code V<version>__<description>.sql}, {@code U...} (undo) and
 * {@code R__...} (repeatable) files, and {@code <id>.up.sql} / {@code <id>.down.sql} pairs. A plugin: nothing
 * names it, {@code ServiceLoader} finds it.
 */
module covet.format.sql {
    requires transitive covet.api;

    exports covet.format.sql;

    provides covet.api.spi.MigrationSource with covet.format.sql.SqlMigrationSource;
    provides covet.api.spi.MigrationWriter with covet.format.sql.SqlMigrationWriter;
}
