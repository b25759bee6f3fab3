package covet.engine.diff;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.CompositeType;
import covet.api.model.Domain;
import covet.api.model.EnumType;
import covet.api.model.Exclusion;
import covet.api.model.Extension;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.MaterializedView;
import covet.api.model.Namespace;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.Schema;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Table;
import covet.api.model.Trigger;
import covet.api.model.UniqueConstraint;
import covet.api.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small valid schemas drawn from a fixed set of names, so that two of them share most names and differ in details:
 * tables with keys, constraints and foreign keys, a partitioned table and its partitions, and one object of every
 * kind, each present only when what it needs is.
 */
final class RandomSchemas {
    private static final List<String> TABLES = List.of("a", "b", "c", "d");

    private final Random random;

    RandomSchemas(long seed) {
        this.random = new Random(seed);
    }

    Schema next() {
        List<Table> tables = new ArrayList<>();
        for (String name : TABLES) {
            if (chance(0.7)) {
                tables.add(table(name));
            }
        }
        List<Table> withKeys = new ArrayList<>();
        for (Table t : tables) {
            withKeys.add(t.withForeignKeys(foreignKeys(t, tables)));
        }
        tables = withKeys;
        boolean parent = chance(0.6);
        if (parent) {
            tables.add(new Table("p", List.of(Column.of("id", "integer").notNull(), Column.of("at", "date")), null,
                    null, null, null, null, null, null, "RANGE (at)", null, null));
        }
        for (String name : List.of("p1", "p2")) {
            if (chance(0.6)) {
                Partition of = parent && chance(0.7) ? new Partition("p", pick(
                        "FOR VALUES FROM ('2022-01-01') TO ('2022-02-01')", "DEFAULT")) : null;
                tables.add(new Table(name, List.of(Column.of("id", "integer").notNull(), Column.of("at", "date")),
                        null, null, null, null, null, null, null, null, of, null));
            }
        }
        return new Schema(tables, objects(tables));
    }

    private Table table(String name) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("id", "integer").notNull());
        for (String c : List.of("x", "y", "z")) {
            if (chance(0.6)) {
                Column col = Column.of(c, pick("integer", "text", "varchar(10)"));
                columns.add(chance(0.2) ? col.withDefault("'1'") : col);
            }
        }
        PrimaryKey pk = chance(0.15) ? null : chance(0.5) ? PrimaryKey.of("id")
                : new PrimaryKey(name + "_pkey", List.of("id"));
        if (pk != null && columns.size() > 1 && chance(0.15)) {
            pk = PrimaryKey.of("id", columns.get(1).name());
        }
        List<String> others = columns.stream().map(Column::name).filter(c -> !c.equals("id")).toList();
        List<Index> indexes = others.isEmpty() || chance(0.5) ? List.of()
                : List.of(chance(0.5) ? Index.on("ix_" + name, others.get(0))
                : Index.on("ix_" + name, others.get(0)).withMethod("gin"));
        List<UniqueConstraint> uniques = chance(0.3) ? List.of(new UniqueConstraint("uq_" + name, List.of("id")))
                : List.of();
        List<Check> checks = chance(0.3) ? List.of(new Check("ck_" + name, pick("id > 0", "id > 1"))) : List.of();
        List<Exclusion> exclusions = chance(0.2) ? List.of(new Exclusion("ex_" + name,
                pick("EXCLUDE USING gist (id WITH =)", "EXCLUDE USING btree (id WITH =)"))) : List.of();
        Map<String, String> options = chance(0.2) ? Map.of("unlogged", "true") : Map.of();
        return new Table(name, columns, pk, uniques, indexes, null, checks, chance(0.3) ? pick("one", "two") : null,
                exclusions, null, null, options);
    }

    /** Foreign keys to the id of tables that have it as a key. */
    private List<ForeignKey> foreignKeys(Table t, List<Table> tables) {
        List<ForeignKey> keys = new ArrayList<>();
        for (Table target : tables) {
            boolean keyed = target.primaryKey() != null && target.primaryKey().columns().equals(List.of("id"))
                    || !target.uniques().isEmpty();
            if (keyed && chance(0.3)) {
                keys.add(ForeignKey.of("fk_" + t.name() + "_" + target.name(), "id", target.name(), "id"));
            }
        }
        return keys;
    }

    private List<SchemaObject> objects(List<Table> tables) {
        List<String> names = tables.stream().map(Table::name).toList();
        List<SchemaObject> objects = new ArrayList<>();
        boolean ns = chance(0.5);
        if (ns) {
            objects.add(new Namespace("s1", chance(0.3) ? "schema" : null, List.of()));
        }
        if (chance(0.6)) {
            boolean inNs = ns && chance(0.5);
            objects.add(new Extension("pgcrypto", inNs ? "s1" : null, null, inNs ? List.of("namespace:s1")
                    : List.of()));
        }
        if (chance(0.7)) {
            objects.add(new EnumType("mood", pick(List.of("happy", "sad"), List.of("happy", "ok", "sad"),
                    List.of("glad", "sad"), List.of("happy")), null, List.of()));
        }
        if (chance(0.5)) {
            objects.add(new Domain("posint", "integer", chance(0.5), null, null,
                    chance(0.5) ? List.of(new Check("posint_check", "VALUE > 0")) : List.of(), null, List.of()));
        }
        if (chance(0.4)) {
            objects.add(new CompositeType("pair", List.of(new CompositeType.Attribute("l", "integer", null),
                    new CompositeType.Attribute("r", pick("integer", "text"), null)), null, List.of()));
        }
        List<String> owners = new ArrayList<>();
        owners.add(null);
        names.stream().filter(n -> !n.startsWith("p")).forEach(n -> owners.add(n + ".id"));
        if (chance(0.7)) {
            String owner = owners.get(random.nextInt(owners.size()));
            objects.add(new Sequence("seq_a", "integer", null, chance(0.5) ? 1L : 2L, null, null, null, false, owner,
                    null, owner == null ? List.of() : List.of("table:" + owner.substring(0, owner.indexOf('.')))));
        }
        if (chance(0.4)) {
            objects.add(new Sequence("free_seq", null, null, null, null, null, chance(0.5) ? 5L : null, false, null,
                    null, List.of()));
        }
        boolean f = chance(0.6);
        if (f) {
            boolean onC = names.contains("c") && chance(0.5);
            objects.add(new Routine("f(integer)", false, pick("CREATE FUNCTION f ... v1", "CREATE FUNCTION f ... v2")
                    + (onC ? " RETURNS SETOF c" : ""), null, onC ? List.of("table:c") : List.of()));
        }
        if (chance(0.3)) {
            objects.add(new Routine("cleanup()", true, "CREATE PROCEDURE cleanup() ...", null, List.of()));
        }
        boolean v1 = names.contains("a") && chance(0.6);
        if (v1) {
            String x = has(tables, "a", "x") ? ", a.x" : "";
            objects.add(new View("v1", pick("SELECT a.id" + x + " FROM a", "SELECT a.id" + x + ", 1 AS one FROM a"),
                    chance(0.2) ? "view" : null, List.of("table:a")));
        }
        if (names.contains("a") && chance(0.5)) {
            // over v1 when there is one, or straight over a
            objects.add(v1 && chance(0.7) ? new View("v0", "SELECT v1.id FROM v1", null, List.of("view:v1"))
                    : new View("v0", "SELECT a.id FROM a", null, List.of("table:a")));
        }
        if (names.contains("b") && chance(0.5)) {
            String y = has(tables, "b", "y") ? ", b.y" : "";
            objects.add(new MaterializedView("mv", "SELECT b.id" + y + " FROM b", chance(0.5),
                    chance(0.5) ? List.of(Index.on("mv_id", "id")) : List.of(), null, List.of("table:b")));
        }
        if (f && names.contains("a") && chance(0.6)) {
            objects.add(new Trigger("a", "trg", pick("CREATE TRIGGER trg BEFORE UPDATE ON a ...",
                    "CREATE TRIGGER trg BEFORE INSERT ON a ..."), null, List.of("table:a", "function:f(integer)")));
        }
        if (f && v1 && chance(0.4)) {
            objects.add(new Trigger("v1", "instead", "CREATE TRIGGER instead INSTEAD OF INSERT ON v1 ...", null,
                    List.of("view:v1", "function:f(integer)")));
        }
        java.util.Collections.shuffle(objects, random);
        return objects;
    }

    private static boolean has(List<Table> tables, String table, String column) {
        return tables.stream().anyMatch(t -> t.name().equals(table) && t.column(column).isPresent());
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
