package covet.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Column;
import covet.api.model.Schema;
import covet.api.model.Table;
import java.util.Set;

/** Schema equality with a message that points at the first differing table, column or key list. */
final class SchemaAssert {
    private SchemaAssert() {
    }

    static void assertSameSchema(Schema expected, Schema actual, String what) {
        assertEquals(expected.tables().stream().map(Table::name).toList(),
                actual.tables().stream().map(Table::name).toList(), what + ": table names");
        for (Table e : expected.tables()) {
            Table a = actual.requireTable(e.name());
            String where = what + ": table " + e.name();
            assertEquals(e.columns().stream().map(Column::name).toList(),
                    a.columns().stream().map(Column::name).toList(), where + " column names");
            for (Column c : e.columns()) {
                assertEquals(c, a.requireColumn(c.name()), where + " column " + c.name());
            }
            assertEquals(e.primaryKey(), a.primaryKey(), where + " primary key");
            assertEquals(e.uniques(), a.uniques(), where + " unique constraints");
            assertEquals(e.indexes(), a.indexes(), where + " indexes");
            assertEquals(e.foreignKeys(), a.foreignKeys(), where + " foreign keys");
            assertEquals(e.checks(), a.checks(), where + " checks");
            assertEquals(e.comment(), a.comment(), where + " comment");
        }
        assertEquals(expected, actual, what);
    }

    /** Only the named tables of {@code schema}. */
    static Schema only(Schema schema, Set<String> tables) {
        return new Schema(schema.tables().stream().filter(t -> tables.contains(t.name())).toList());
    }
}
