package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.Column;
import covet.api.model.ColumnType;
import covet.api.model.EnumType;
import covet.api.model.ObjectKind;
import covet.api.model.Routine;
import covet.api.model.Sequence;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterObject;
import covet.api.operation.DropObject;
import covet.api.spi.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What the dialect says besides SQL: managed kinds, failure hints, scratch databases with extensions. */
class PostgresDialectObjectsTest {
    private static final PostgresDialect DIALECT = PostgresTestDatabase.DIALECT;

    @Test
    void managesEveryObjectKind() {
        assertEquals(EnumSet.allOf(ObjectKind.class), DIALECT.managedObjects());
    }

    @Test
    void outOfSharedMemoryNamesTheSettingAndTheSplit() {
        SQLException full = new SQLException("ERROR: out of shared memory", "53200");
        String hint = DIALECT.explainFailure(new SQLException("migration failed", "XX000", full));
        assertTrue(hint.contains("max_locks_per_transaction"), hint);
        assertTrue(hint.contains("split"), hint);
        assertNull(DIALECT.explainFailure(new SQLException("syntax error", "42601")));
    }

    @Test
    void renderedNamesAreQuotedPartByPart() {
        Routine f = new Routine("app.last_day(timestamp with time zone)", false, "CREATE OR REPLACE FUNCTION x()",
                null, null);
        assertEquals(List.of("DROP FUNCTION \"app\".\"last_day\"(timestamp with time zone)"),
                DIALECT.render(new DropObject(f), null));
        Sequence s = Sequence.of("app.Ticket_seq").withOwnedBy("app.Ticket.Id");
        assertEquals(List.of("ALTER SEQUENCE \"app\".\"Ticket_seq\" OWNED BY \"app\".\"Ticket\".\"Id\""),
                DIALECT.render(new AlterObject(s, Sequence.of("app.Ticket_seq")), null));
        EnumType e = EnumType.of("Mood", "it's", "ok");
        assertEquals(List.of("ALTER TYPE \"Mood\" ADD VALUE 'new' BEFORE 'it''s'"),
                DIALECT.render(new AlterObject(EnumType.of("Mood", "new", "it's", "ok"), e), null));
    }

    @Test
    void changingAGenerationExpressionIsRefusedWithTheWayOut() {
        Column a = Column.of("total", ColumnType.parse("integer")).withGenerated("price * 2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DIALECT.render(
                new AlterColumn("line", a.withGenerated("price * 3"), a), null));
        assertTrue(e.getMessage().contains("cannot change the generation expression of column 'total'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("drop the column and add it back"), e.getMessage());
    }

    @Test
    void aScratchDatabaseCreatesExtensions() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create();
             ScratchDatabase scratch = DIALECT.createScratch(db.url(), new Properties())) {
            Connection c = scratch.connection();
            try (Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION \"uuid-ossp\"");
                st.execute("CREATE TABLE t (id uuid DEFAULT uuid_generate_v4())");
                st.execute("INSERT INTO t DEFAULT VALUES");
                try (ResultSet rs = st.executeQuery("SELECT length(id::text) FROM t")) {
                    rs.next();
                    assertEquals(36, rs.getInt(1));
                }
            }
        }
    }
}
