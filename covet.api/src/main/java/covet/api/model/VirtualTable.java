package covet.api.model;

import covet.api.Preconditions;
import java.util.List;

/**
 * A table provided by a module rather than stored as rows (SQLite's {@code CREATE VIRTUAL TABLE ... USING fts5(...)},
 * {@code rtree}); {@code definition} is the whole statement that creates it, in the database's normalised form. The
 * module's own shadow tables belong to it and are not tables of the schema.
 */
public record VirtualTable(String name, String definition, String comment, List<String> dependsOn)
        implements SchemaObject {

    public VirtualTable {
        Preconditions.notBlank(name, "virtual table name");
        Preconditions.notBlank(definition, "definition of virtual table '" + name + "'");
        dependsOn = SchemaObject.keys(dependsOn);
    }

    @Override
    public ObjectKind kind() {
        return ObjectKind.VIRTUAL_TABLE;
    }

    @Override
    public VirtualTable withComment(String text) {
        return new VirtualTable(name, definition, text, dependsOn);
    }

    @Override
    public VirtualTable withDependsOn(List<String> keys) {
        return new VirtualTable(name, definition, comment, keys);
    }
}
