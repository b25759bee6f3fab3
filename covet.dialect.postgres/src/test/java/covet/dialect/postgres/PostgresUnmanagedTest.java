package covet.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Table;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of thing the model cannot hold is named by unmanaged(), once, and none is read as an object. */
class PostgresUnmanagedTest {

    @Test
    void everyUnmanagedKindIsListed() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create(); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.execute("""
                        CREATE TABLE t (id integer PRIMARY KEY DEFERRABLE, a integer, b integer,
                            CONSTRAINT t_a_check CHECK (a > 0) NO INHERIT,
                            CONSTRAINT t_b_key UNIQUE (b) INCLUDE (a));
                        COMMENT ON CONSTRAINT t_b_key ON t IS 'b once';
                        COMMENT ON INDEX t_b_key IS 'the index of b';
                        CREATE INDEX t_a_idx ON t (a) WITH (fillfactor = 50);
                        COMMENT ON INDEX t_a_idx IS 'by a';
                        CREATE TABLE parted (id integer PRIMARY KEY) PARTITION BY RANGE (id);
                        CREATE INDEX parted_id_idx ON parted (id);
                        CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (10);
                        COMMENT ON CONSTRAINT parted_1_pkey ON parted_1 IS 'from the parent';
                        COMMENT ON INDEX parted_1_id_idx IS 'from the parent too';
                        CREATE TABLE ids (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100));
                        CREATE TABLE nothing ();
                        CREATE TABLE guarded (id integer);
                        ALTER TABLE guarded ENABLE ROW LEVEL SECURITY;
                        CREATE RULE t_no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
                        CREATE POLICY t_positive ON t USING (a > 0);
                        CREATE VIEW v WITH (security_barrier) AS SELECT id FROM t;
                        COMMENT ON COLUMN v.id IS 'the id';
                        CREATE AGGREGATE longest(text) (SFUNC = textcat, STYPE = text);
                        CREATE OPERATOR === (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq);
                        CREATE OPERATOR FAMILY fam USING btree;
                        CREATE TEXT SEARCH CONFIGURATION cfg (COPY = simple);
                        CREATE TEXT SEARCH DICTIONARY dict (TEMPLATE = simple);
                        CREATE COLLATION coll (locale = 'C');
                        CREATE TYPE floatrange AS RANGE (subtype = float8);
                        CREATE STATISTICS ab ON a, b FROM t;
                        CREATE TYPE mood AS ENUM ('a');
                        CREATE CAST (mood AS integer) WITH INOUT;
                        CREATE PUBLICATION pub FOR TABLE t;
                        CREATE FUNCTION no_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
                        CREATE EVENT TRIGGER no_ddl ON ddl_command_start EXECUTE FUNCTION no_ddl();
                        CREATE FOREIGN DATA WRAPPER wrapper;
                        CREATE SERVER elsewhere FOREIGN DATA WRAPPER wrapper;
                        CREATE FOREIGN TABLE remote (id integer) SERVER elsewhere;
                        """);
            }
            assertEquals(List.of(
                    "aggregate public.longest(text)",
                    "cast (mood AS integer)",
                    "check no inherit public.t.t_a_check",
                    "collation public.coll",
                    "comment on column public.v.id",
                    "comment on constraint public.parted_1.parted_1_pkey",
                    "comment on index public.parted_1_id_idx",
                    "comment on index public.t_b_key",
                    "constraint include public.t.t_b_key (UNIQUE (b) INCLUDE (a))",
                    "deferrable primary key public.t.t_pkey",
                    "event trigger no_ddl",
                    "foreign data wrapper wrapper",
                    "foreign server elsewhere",
                    "foreign table public.remote",
                    "identity options public.ids.id (START 100 INCREMENT 1 MINVALUE 1 MAXVALUE 9223372036854775807"
                            + " CACHE 1)",
                    "index option public.t_a_idx (fillfactor=50)",
                    "operator public.===(integer, integer)",
                    "operator family public.fam",
                    "policy public.t.t_positive",
                    "publication pub",
                    "range type public.floatrange",
                    "row level security public.guarded",
                    "rule public.t.t_no_delete",
                    "statistics public.ab",
                    "table without columns public.nothing",
                    "text search configuration public.cfg",
                    "text search dictionary public.dict",
                    "view option public.v (security_barrier=true)"),
                    PostgresTestDatabase.DIALECT.introspector().unmanaged(c));
            Schema schema = PostgresTestDatabase.DIALECT.introspector().introspect(c);
            assertEquals(List.of("enum:mood", "function:no_ddl()", "view:v"),
                    schema.objects().stream().map(SchemaObject::key).toList(),
                    "the range type's constructors are the type's, the aggregate is not a function");
            Table t = schema.table("t").orElseThrow();
            assertEquals("b once", t.uniques().get(0).comment(), "a constraint's comment is the model's");
            assertEquals("by a", t.index("t_a_idx").orElseThrow().comment(), "so is an index's");
        }
    }
}
