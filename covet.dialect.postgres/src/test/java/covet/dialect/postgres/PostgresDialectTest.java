package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.Schema;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateTable;
import covet.api.spi.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Discovery, URLs, connecting through the module's own driver, and AlterColumn without a previous definition. */
class PostgresDialectTest {

    @Test
    void foundByServiceLoaderUnderItsName() {
        getClass().getModule().addUses(Dialect.class);
        List<Dialect> found = ServiceLoader.load(Dialect.class).stream().map(ServiceLoader.Provider::get)
                .filter(d -> d.name().equals("postgresql")).toList();
        assertEquals(1, found.size());
        Dialect d = found.get(0);
        assertEquals(Dialect.API_VERSION, d.apiVersion());
        assertTrue(d.acceptsUrl("jdbc:postgresql://db:5432/app"));
        assertFalse(d.acceptsUrl("jdbc:mysql://db/app"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/app", d.jdbcUrl(null, null, "app"));
        assertEquals("jdbc:postgresql://db.local:6543/x", d.jdbcUrl("db.local", 6543, "x"));
        assertEquals("\"a\"\"b\"", d.quoteIdentifier("a\"b"));
        assertTrue(d.capabilities().transactionalDdl());
        assertFalse(d.capabilities().singleTransactionRun());
    }

    @Test
    void connectsThroughTheDriverOfItsLayer() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create();
             Connection c = new PostgresDialect().connect(db.url(), new Properties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            assertEquals(db.name(), rs.getString(1));
        }
    }

    @Test
    void alterColumnWithoutPreviousSetsEverything() throws Exception {
        Column before = new Column("n", ColumnType.parse("integer"), false, "1", false, "old");
        Column after = new Column("n", ColumnType.parse("bigint"), true, "'7'", false, null);
        var table = covet.api.model.Table.of("t", List.of(before), null);
        try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection c = db.connect()) {
            Migrator m = new Migrator(c, Schema.EMPTY);
            m.apply(new CreateTable(table));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO t VALUES (5)");
            }
            m.apply(new AlterColumn("t", after, null));
            SchemaAssertions.assertSameSchema(PostgresTestDatabase.DIALECT.normalize(m.state()), m.introspect(),
                    "after AlterColumn without previous");
            m.apply(new AlterColumn("t", after.withAutoIncrement(true), null));
            m.apply(new AlterColumn("t", after.withAutoIncrement(true), null));
            SchemaAssertions.assertSameSchema(PostgresTestDatabase.DIALECT.normalize(m.state()), m.introspect(),
                    "identity added twice without previous");
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("INSERT INTO t DEFAULT VALUES RETURNING n")) {
                rs.next();
                assertEquals(6, rs.getLong(1), "the identity continues after the existing row");
            }
        }
    }
}
