/** The PostgreSQL dialect. */
module covet.dialect.postgres {
    requires covet.api;
    uses java.sql.Driver;
}
