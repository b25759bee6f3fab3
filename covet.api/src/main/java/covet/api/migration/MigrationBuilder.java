package covet.api.migration;

import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AlterColumn;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateTable;
import covet.api.operation.DropColumn;
import covet.api.operation.DropIndex;
import covet.api.operation.DropTable;
import covet.api.operation.Operation;
import covet.api.operation.RenameColumn;
import covet.api.operation.RenameTable;
import covet.api.operation.RunSQL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds a {@link Migration} in code; every step returns a new builder, so a half-built one can be shared. The
 * result is the same record the JSON reader produces, with the same checksum.
 *
 * <pre>{@code
 * Migration m = Migration.named("20260101_120000_add_users")
 *         .createTable("users", t -> t.autoId("id").varchar("username", 50).notNull())
 *         .build();
 * }</pre>
 */
public final class MigrationBuilder {
    private final String id;
    private final String app;
    private final List<String> dependencies;
    private final List<Operation> operations;

    MigrationBuilder(String id, String app, List<String> dependencies, List<Operation> operations) {
        this.id = id;
        this.app = app;
        this.dependencies = List.copyOf(dependencies);
        this.operations = List.copyOf(operations);
    }

    public MigrationBuilder app(String appName) {
        return new MigrationBuilder(id, appName, dependencies, operations);
    }

    public MigrationBuilder dependsOn(String... ids) {
        List<String> deps = new ArrayList<>(dependencies);
        deps.addAll(Arrays.asList(ids));
        return new MigrationBuilder(id, app, deps, operations);
    }

    public MigrationBuilder operation(Operation op) {
        List<Operation> ops = new ArrayList<>(operations);
        ops.add(op);
        return new MigrationBuilder(id, app, dependencies, ops);
    }

    public MigrationBuilder createTable(String table, Consumer<TableBuilder> definition) {
        TableBuilder t = new TableBuilder(table);
        definition.accept(t);
        return operation(new CreateTable(t.build()));
    }

    /** Drops a table; {@code definition} (may be null) makes the drop reversible. */
    public MigrationBuilder dropTable(String table, Consumer<TableBuilder> definition) {
        if (definition == null) {
            return operation(new DropTable(table, null));
        }
        TableBuilder t = new TableBuilder(table);
        definition.accept(t);
        return operation(new DropTable(table, t.build()));
    }

    public MigrationBuilder addColumn(String table, Column column) {
        return operation(new AddColumn(table, column));
    }

    public MigrationBuilder dropColumn(String table, Column definition) {
        return operation(new DropColumn(table, definition.name(), definition));
    }

    public MigrationBuilder alterColumn(String table, Column previous, Column column) {
        return operation(new AlterColumn(table, column, previous));
    }

    public MigrationBuilder renameTable(String from, String to) {
        return operation(new RenameTable(from, to));
    }

    public MigrationBuilder renameColumn(String table, String from, String to) {
        return operation(new RenameColumn(table, from, to));
    }

    public MigrationBuilder createIndex(String table, Index index) {
        return operation(new CreateIndex(table, index));
    }

    public MigrationBuilder dropIndex(String table, Index definition) {
        return operation(new DropIndex(table, definition.name(), definition));
    }

    public MigrationBuilder addForeignKey(String table, ForeignKey foreignKey) {
        return operation(new AddForeignKey(table, foreignKey));
    }

    /** Runs SQL as written; {@code reverse} (may be null: irreversible) undoes it. */
    public MigrationBuilder runSql(String sql, String reverse) {
        return operation(RunSQL.of(sql, reverse));
    }

    public Migration build() {
        return new Migration(id, app, dependencies, operations, null);
    }
}
