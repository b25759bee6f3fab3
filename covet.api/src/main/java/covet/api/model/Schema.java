package covet.api.model;

import covet.api.SchemaStateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A database schema: its tables and its other named objects (namespaces, extensions, types, sequences, views,
 * routines, triggers), each in a stable order (creation order when replayed, name order when introspected).
 */
public record Schema(List<Table> tables, List<SchemaObject> objects) {

    public static final Schema EMPTY = new Schema(List.of());

    public Schema {
        tables = tables == null ? List.of() : List.copyOf(tables);
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    public Schema(List<Table> tables) {
        this(tables, List.of());
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Table requireTable(String name) {
        return table(name).orElseThrow(() -> new SchemaStateException("there is no table '" + name + "'"));
    }

    public Schema withTables(List<Table> newTables) {
        return new Schema(newTables, objects);
    }

    public Schema withObjects(List<SchemaObject> newObjects) {
        return new Schema(tables, newObjects);
    }

    /** The object with this {@link SchemaObject#key() key}, if any. */
    public Optional<SchemaObject> object(String key) {
        return objects.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    public Schema addObject(SchemaObject object) {
        if (object(object.key()).isPresent()) {
            throw new SchemaStateException(object.describe() + " already exists");
        }
        return withObjects(Table.append(objects, object));
    }

    public Schema dropObject(String key) {
        SchemaObject gone = object(key).orElseThrow(() -> new SchemaStateException("there is no " + describeKey(key)));
        return withObjects(objects.stream().filter(o -> o != gone).toList());
    }

    /** Replaces the object with the same key, keeping its position. */
    public Schema replaceObject(SchemaObject object) {
        object(object.key()).orElseThrow(() -> new SchemaStateException("there is no " + object.describe()));
        return withObjects(objects.stream().map(o -> o.key().equals(object.key()) ? object : o).toList());
    }

    public Schema addTable(Table table) {
        if (table(table.name()).isPresent()) {
            throw new SchemaStateException("table '" + table.name() + "' already exists");
        }
        return withTables(Table.append(tables, table));
    }

    /**
     * Drops a table and what the database drops with it: its partitions, its triggers and the sequences its columns
     * own.
     */
    public Schema dropTable(String name) {
        requireTable(name);
        Schema s = this;
        // a partitioned table takes its partitions (and theirs) along
        for (Table t : tables) {
            if (t.partitionOf() != null && t.partitionOf().parent().equals(name)) {
                s = s.dropTable(t.name());
            }
        }
        return new Schema(s.tables.stream().filter(t -> !t.name().equals(name)).toList(),
                s.objects.stream().filter(o -> !belongsTo(o, name, null)).toList());
    }

    /** Drops a column of a table and the sequences it owns (as {@code serial} columns do). */
    public Schema dropColumn(String table, String column) {
        Schema s = updateTable(table, t -> t.dropColumn(column));
        return s.withObjects(s.objects.stream().filter(o -> !(o instanceof Sequence q
                && (table + "." + column).equals(q.ownedBy()))).toList());
    }

    private static boolean belongsTo(SchemaObject o, String table, String column) {
        if (o instanceof Trigger t) {
            return t.table().equals(table);
        }
        return o instanceof Sequence q && q.ownedBy() != null && q.ownedBy().startsWith(table + ".")
                && q.ownedBy().indexOf('.', table.length() + 1) < 0;
    }

    /** Applies {@code change} to the named table, keeping its position. */
    public Schema updateTable(String name, UnaryOperator<Table> change) {
        requireTable(name);
        return withTables(tables.stream().map(t -> t.name().equals(name) ? change.apply(t) : t).toList());
    }

    /**
     * Renames a table and every foreign key and partition that references it, and the triggers and owned
     * sequences attached to it (as SQLite, PostgreSQL and MySQL do).
     */
    public Schema renameTable(String from, String to) {
        requireTable(from);
        if (table(to).isPresent()) {
            throw new SchemaStateException("table '" + to + "' already exists");
        }
        List<Table> renamedTables = tables.stream().map(t -> {
            Table renamed = t.name().equals(from) ? t.withName(to) : t;
            if (renamed.partitionOf() != null && renamed.partitionOf().parent().equals(from)) {
                renamed = renamed.withPartitionOf(new Partition(to, renamed.partitionOf().bound()));
            }
            return renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(f -> f.referencedTable().equals(from)
                            ? f.withColumns(f.columns(), to, f.referencedColumns()) : f)
                    .toList());
        }).toList();
        List<SchemaObject> renamedObjects = new ArrayList<>();
        for (SchemaObject o : objects) {
            if (o instanceof Trigger t && t.table().equals(from)) {
                o = new Trigger(to, t.trigger(), t.definition(), t.comment(), t.dependsOn());
            } else if (o instanceof Sequence q && belongsTo(q, from, null)) {
                o = q.withOwnedBy(to + q.ownedBy().substring(from.length()));
            }
            renamedObjects.add(o);
        }
        return new Schema(renamedTables, renamedObjects);
    }

    /** Renames a column in its table, in every foreign key that references it and in the sequence it owns. */
    public Schema renameColumn(String table, String from, String to) {
        requireTable(table);
        return new Schema(tables.stream().map(t -> {
            Table renamed = t.name().equals(table) ? t.renameColumn(from, to) : t;
            return renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(f -> f.referencedTable().equals(table) && f.referencedColumns().contains(from)
                            ? f.withColumns(f.columns(), f.referencedTable(),
                            f.referencedColumns().stream().map(c -> c.equals(from) ? to : c).toList())
                            : f)
                    .toList());
        }).toList(), objects.stream().map(o -> o instanceof Sequence q && (table + "." + from).equals(q.ownedBy())
                ? (SchemaObject) q.withOwnedBy(table + "." + to) : o).toList());
    }

    /** This schema without the named table, for callers that hide bookkeeping tables such as the history. */
    public Schema without(String tableName) {
        return withTables(tables.stream().filter(t -> !t.name().equals(tableName)).toList());
    }

    private static String describeKey(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon).replace('_', ' ') + " " + key.substring(colon + 1);
    }
}
