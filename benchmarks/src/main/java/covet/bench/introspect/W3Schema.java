package covet.bench.introspect;

import covet.bench.DbKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The W3 database: T tables of 8 columns (INTEGER PK, INTEGER parent_id, VARCHAR(100) NOT NULL, VARCHAR(20),
 * DECIMAL(12,2) DEFAULT 0, TEXT, TIMESTAMP, BOOLEAN), 2 secondary indexes each (name; parent_id, which also serves
 * the FK on MariaDB) and 1 FK parent_id to the previous table's id (the first table to itself). On PostgreSQL, every
 * tenth table also has a view, an SQL function reading it and a trigger calling one shared plpgsql function, so the
 * read covers the objects real schemas hold besides tables.
 */
public final class W3Schema {
    private W3Schema() {
    }

    public static void create(DbKind kind, Connection c, int tables) throws SQLException {
        boolean pg = kind == DbKind.POSTGRESQL;
        c.setAutoCommit(!pg);
        try (Statement s = c.createStatement()) {
            if (pg) {
                s.addBatch("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "NEW.created_at := now(); RETURN NEW; END $$");
            }
            for (int i = 1; i <= tables; i++) {
                String t = String.format("t%04d", i);
                String parent = String.format("t%04d", Math.max(1, i - 1));
                String columns = "id INTEGER PRIMARY KEY, parent_id INTEGER, name VARCHAR(100) NOT NULL,"
                        + " code VARCHAR(20), amount DECIMAL(12,2) DEFAULT 0, notes TEXT, created_at TIMESTAMP,"
                        + " active BOOLEAN";
                String fk = "CONSTRAINT fk_" + t + "_parent FOREIGN KEY (parent_id) REFERENCES " + parent + " (id)";
                if (pg) {
                    s.addBatch("CREATE TABLE " + t + " (" + columns + ", " + fk + ")");
                    s.addBatch("CREATE INDEX ix_" + t + "_name ON " + t + " (name)");
                    s.addBatch("CREATE INDEX ix_" + t + "_parent ON " + t + " (parent_id)");
                    if (i % 10 == 0) {
                        s.addBatch("CREATE VIEW v_" + t + " AS SELECT id, name, amount FROM " + t
                                + " WHERE active");
                        s.addBatch("CREATE FUNCTION total_" + t + "() RETURNS numeric LANGUAGE sql STABLE AS "
                                + "'SELECT sum(amount) FROM v_" + t + "'");
                        s.addBatch("CREATE TRIGGER touch_" + t + " BEFORE UPDATE ON " + t
                                + " FOR EACH ROW EXECUTE FUNCTION touch()");
                    }
                } else {
                    s.addBatch("CREATE TABLE " + t + " (" + columns + ", KEY ix_" + t + "_name (name), KEY ix_" + t
                            + "_parent (parent_id), " + fk + ")");
                }
                if (i % 100 == 0 || i == tables) {
                    s.executeBatch();
                    if (pg) {
                        c.commit();
                    }
                }
            }
        } finally {
            c.setAutoCommit(true);
        }
    }
}
