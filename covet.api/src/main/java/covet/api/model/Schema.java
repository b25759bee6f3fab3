package covet.api.model;

import covet.api.SchemaStateException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A database schema: its tables, in a stable order (creation order when replayed, name order when introspected). */
public record Schema(List<Table> tables) {

    public static final Schema EMPTY = new Schema(List.of());

    public Schema {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Table requireTable(String name) {
        return table(name).orElseThrow(() -> new SchemaStateException("there is no table '" + name + "'"));
    }

    public Schema addTable(Table table) {
        if (table(table.name()).isPresent()) {
            throw new SchemaStateException("table '" + table.name() + "' already exists");
        }
        return new Schema(Table.append(tables, table));
    }

    public Schema dropTable(String name) {
        requireTable(name);
        return new Schema(tables.stream().filter(t -> !t.name().equals(name)).toList());
    }

    /** Applies {@code change} to the named table, keeping its position. */
    public Schema updateTable(String name, UnaryOperator<Table> change) {
        requireTable(name);
        return new Schema(tables.stream().map(t -> t.name().equals(name) ? change.apply(t) : t).toList());
    }

    /** Renames a table and every foreign key that references it (as SQLite, PostgreSQL and MySQL do). */
    public Schema renameTable(String from, String to) {
        requireTable(from);
        if (table(to).isPresent()) {
            throw new SchemaStateException("table '" + to + "' already exists");
        }
        return new Schema(tables.stream().map(t -> {
            Table renamed = t.name().equals(from) ? t.withName(to) : t;
            return renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(f -> f.referencedTable().equals(from) ? new ForeignKey(f.name(), f.columns(), to,
                            f.referencedColumns(), f.onDelete(), f.onUpdate()) : f)
                    .toList());
        }).toList());
    }

    /** Renames a column in its table and in every foreign key that references it. */
    public Schema renameColumn(String table, String from, String to) {
        requireTable(table);
        return new Schema(tables.stream().map(t -> {
            Table renamed = t.name().equals(table) ? t.renameColumn(from, to) : t;
            return renamed.withForeignKeys(renamed.foreignKeys().stream()
                    .map(f -> f.referencedTable().equals(table) && f.referencedColumns().contains(from)
                            ? new ForeignKey(f.name(), f.columns(), f.referencedTable(),
                            f.referencedColumns().stream().map(c -> c.equals(from) ? to : c).toList(),
                            f.onDelete(), f.onUpdate())
                            : f)
                    .toList());
        }).toList());
    }

    /** This schema without the named table, for callers that hide bookkeeping tables such as the history. */
    public Schema without(String tableName) {
        return new Schema(tables.stream().filter(t -> !t.name().equals(tableName)).toList());
    }
}
