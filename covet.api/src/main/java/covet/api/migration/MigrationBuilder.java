package covet.api.migration;

import covet.api.model.Column;
import covet.api.model.EnumType;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.Partition;
import covet.api.model.PrimaryKey;
import covet.api.model.Routine;
import covet.api.model.SchemaObject;
import covet.api.model.Sequence;
import covet.api.model.Trigger;
import covet.api.model.View;
import covet.api.operation.AddColumn;
import covet.api.operation.AddForeignKey;
import covet.api.operation.AddPrimaryKey;
import covet.api.operation.AlterColumn;
import covet.api.operation.AlterComment;
import covet.api.operation.AlterObject;
import covet.api.operation.AttachPartition;
import covet.api.operation.CreateIndex;
import covet.api.operation.CreateObject;
import covet.api.operation.CreateTable;
import covet.api.operation.DetachPartition;
import covet.api.operation.DropColumn;
import covet.api.operation.DropIndex;
import covet.api.operation.DropObject;
import covet.api.operation.DropPrimaryKey;
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
 *         .createEnum("mood", "happy", "sad")
 *         .createTable("users", t -> t.autoId("id").identity(Identity.ALWAYS).varchar("username", 50).notNull()
 *                 .column("mood", "native:mood"))
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

    public MigrationBuilder addPrimaryKey(String table, PrimaryKey key) {
        return operation(new AddPrimaryKey(table, key));
    }

    /** Drops a table's primary key; {@code definition} (may be null) makes the drop reversible. */
    public MigrationBuilder dropPrimaryKey(String table, PrimaryKey definition) {
        return operation(new DropPrimaryKey(table, definition));
    }

    /** Sets (or, null, removes) an index's comment in place; {@code previous} is the one it had (null: none). */
    public MigrationBuilder commentOnIndex(String table, String index, String comment, String previous) {
        return operation(new AlterComment(table, AlterComment.Target.INDEX, index, comment, previous));
    }

    /**
     * Sets (or, null, removes) a constraint's comment in place (a unique, check, foreign key or exclusion
     * constraint, or a named primary key); {@code previous} is the one it had (null: none).
     */
    public MigrationBuilder commentOnConstraint(String table, String constraint, String comment, String previous) {
        return operation(new AlterComment(table, AlterComment.Target.CONSTRAINT, constraint, comment, previous));
    }

    /** Attaches {@code table} as a partition of {@code parent}; {@code bound} as the database writes it. */
    public MigrationBuilder attachPartition(String table, String parent, String bound) {
        return operation(new AttachPartition(table, new Partition(parent, bound)));
    }

    /** Detaches a partition; parent and bound are what it was attached with, which makes it reversible. */
    public MigrationBuilder detachPartition(String table, String parent, String bound) {
        return operation(new DetachPartition(table, new Partition(parent, bound)));
    }

    /** Creates any named object: a namespace, extension, type, sequence, view, routine or trigger. */
    public MigrationBuilder createObject(SchemaObject object) {
        return operation(new CreateObject(object));
    }

    /** Drops a named object; {@code definition} is the whole object, so the drop is reversible. */
    public MigrationBuilder dropObject(SchemaObject definition) {
        return operation(new DropObject(definition));
    }

    /** Changes a named object in place, e.g. adds an enum value; {@code previous} (may be null) makes it reversible. */
    public MigrationBuilder alterObject(SchemaObject previous, SchemaObject object) {
        return operation(new AlterObject(object, previous));
    }

    public MigrationBuilder createEnum(String name, String... values) {
        return createObject(EnumType.of(name, values));
    }

    /** A sequence with the database's default options; {@link #createObject} takes one with its own. */
    public MigrationBuilder createSequence(String name) {
        return createObject(Sequence.of(name));
    }

    /** A view; {@code query} is its SELECT. */
    public MigrationBuilder createView(String name, String query) {
        return createObject(new View(name, query, null, null));
    }

    /**
     * A function; {@code signature} names it with its argument types ({@code last_day(timestamp with time zone)}),
     * {@code definition} is the whole statement that creates it ({@code CREATE OR REPLACE FUNCTION ...}).
     */
    public MigrationBuilder createFunction(String signature, String definition) {
        return createObject(new Routine(signature, false, definition, null, null));
    }

    /** A trigger on {@code table}; {@code definition} is the whole {@code CREATE TRIGGER} statement. */
    public MigrationBuilder createTrigger(String table, String name, String definition) {
        return createObject(new Trigger(table, name, definition, null, null));
    }

    /** Runs SQL as written; {@code reverse} (may be null: irreversible) undoes it. */
    public MigrationBuilder runSql(String sql, String reverse) {
        return operation(RunSQL.of(sql, reverse));
    }

    public Migration build() {
        return new Migration(id, app, dependencies, operations, null);
    }
}
