package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import covet.api.model.ObjectKind;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tables with objects around them (an enum, a domain, a serial column's sequence, a generated column, a GIN
 * expression index, a view, a trigger function, a trigger, a materialized view every tenth table): introspecting
 * a hundred times more of them (10, 100, 1,000 tables) costs the same number of catalog queries.
 */
class PostgresObjectsQueryCountTest {

    private static void create(Connection c, int n) throws Exception {
        try (Statement st = c.createStatement()) {
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sql.append("""
                        CREATE TYPE e%1$d AS ENUM ('a', 'b');
                        CREATE DOMAIN d%1$d AS integer CHECK (VALUE > 0);
                        CREATE TABLE t%1$d (id serial PRIMARY KEY, e e%1$d, d d%1$d, note text,
                            twice integer GENERATED ALWAYS AS (id * 2) STORED);
                        CREATE INDEX t%1$d_note_idx ON t%1$d USING gin (to_tsvector('simple', note));
                        CREATE VIEW v%1$d AS SELECT id, e FROM t%1$d;
                        CREATE FUNCTION f%1$d() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                        CREATE TRIGGER tr%1$d BEFORE INSERT ON t%1$d FOR EACH ROW EXECUTE FUNCTION f%1$d();
                        COMMENT ON TABLE t%1$d IS 'table %1$d';
                        """.formatted(i));
                if (i % 10 == 0) {
                    sql.append("CREATE MATERIALIZED VIEW m%1$d AS SELECT count(*) AS n FROM t%1$d;\n".formatted(i));
                }
                if (i % 50 == 49) {
                    st.execute(sql.toString());
                    sql.setLength(0);
                }
            }
            if (!sql.isEmpty()) {
                st.execute(sql.toString());
            }
        }
    }

    private static int queries(int tables) throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection real = db.connect()) {
            create(real, tables);
            AtomicInteger executions = new AtomicInteger();
            Schema schema = PostgresTestDatabase.DIALECT.introspector()
                    .introspect(PostgresIntrospectorQueryCountTest.counting(real, executions));
            assertEquals(tables, schema.tables().size());
            Map<ObjectKind, Long> kinds = schema.objects().stream()
                    .collect(Collectors.groupingBy(SchemaObject::kind, Collectors.counting()));
            long n = tables;
            assertEquals(Map.of(ObjectKind.ENUM, n, ObjectKind.DOMAIN, n, ObjectKind.SEQUENCE, n,
                    ObjectKind.VIEW, n, ObjectKind.FUNCTION, n, ObjectKind.TRIGGER, n,
                    ObjectKind.MATERIALIZED_VIEW, (n + 9) / 10), kinds);
            Function<String, SchemaObject> object = key -> schema.object(key).orElseThrow();
            int last = tables - 1;
            assertEquals(java.util.List.of("table:t" + last), object.apply("view:v" + last).dependsOn());
            assertEquals("t" + last + ".id", ((covet.api.model.Sequence) object.apply("sequence:t" + last
                    + "_id_seq")).ownedBy());
            assertEquals("gin", schema.requireTable("t" + last).indexes().get(0).method());
            return executions.get();
        }
    }

    @Test
    void sameNumberOfQueriesForTenAHundredAndAThousandTablesWithObjects() throws Exception {
        int few = queries(10);
        int many = queries(100);
        int lots = queries(1000);
        assertTrue(few > 0, "the counting wrapper saw the queries");
        assertEquals(few, many, "queries for 10 vs 100 tables with their objects");
        assertEquals(few, lots, "queries for 10 vs 1,000 tables with their objects");
    }
}
