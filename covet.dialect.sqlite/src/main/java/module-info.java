/** The SQLite dialect. */
module covet.dialect.sqlite {
    requires covet.api;
    requires org.xerial.sqlitejdbc;
}
