/** The SQLite dialect: rendering, table rebuilds, introspection and the migration lock. */
module covet.dialect.sqlite {
    requires covet.api;
    requires org.xerial.sqlitejdbc;

    provides covet.api.spi.Dialect with covet.dialect.sqlite.SqliteDialect;
}
