package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Schema;
import covet.api.model.Table;

/** Schema equality with a message that points at the first table that differs. */
final class SchemaAssertions {
    private SchemaAssertions() {
    }

    static void assertSameSchema(Schema expected, Schema actual, String context) {
        assertEquals(expected.tables().stream().map(Table::name).toList(),
                actual.tables().stream().map(Table::name).toList(), context + ": table names");
        for (Table want : expected.tables()) {
            Table got = actual.requireTable(want.name());
            assertEquals(want.columns(), got.columns(), context + ": columns of " + want.name());
            assertEquals(want.primaryKey(), got.primaryKey(), context + ": primary key of " + want.name());
            assertEquals(want.uniques(), got.uniques(), context + ": uniques of " + want.name());
            assertEquals(want.indexes(), got.indexes(), context + ": indexes of " + want.name());
            assertEquals(want.foreignKeys(), got.foreignKeys(), context + ": foreign keys of " + want.name());
            assertEquals(want.checks(), got.checks(), context + ": checks of " + want.name());
            assertEquals(want.comment(), got.comment(), context + ": comment of " + want.name());
        }
        // dependsOn orders creates and drops and is never compared
        assertEquals(expected.objects().stream().map(o -> o.withDependsOn(null)).toList(),
                actual.objects().stream().map(o -> o.withDependsOn(null)).toList(), context + ": objects");
        assertEquals(expected.tables(), actual.tables(), context);
    }
}
