package covet.api.migration;

import covet.api.Preconditions;
import covet.api.operation.Operation;
import java.util.List;

/**
 * One migration: its id ({@code YYYYMMDD_HHMMSS_name}, also its file stem), the app it belongs to, the ids it must
 * follow and its operations in order. {@code location} says where it was read from (a path, a class-path resource)
 * for messages; it is null for a migration built in code.
 */
public record Migration(String id, String app, List<String> dependencies, List<Operation> operations,
                        String location) {

    public static final String DEFAULT_APP = "default";

    public Migration {
        Preconditions.notBlank(id, "migration id");
        app = app == null || app.isBlank() ? DEFAULT_APP : app;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        operations = List.copyOf(Preconditions.notNull(operations, "operations of migration " + id));
    }

    public Migration(String id, String app, List<String> dependencies, List<Operation> operations) {
        this(id, app, dependencies, operations, null);
    }

    /** Starts a migration built in code; see {@link MigrationBuilder}. */
    public static MigrationBuilder named(String id) {
        Preconditions.notBlank(id, "migration id");
        return new MigrationBuilder(id, DEFAULT_APP, List.of(), List.of());
    }

    /** The location when known, else the id: what a message should name. */
    public String where() {
        return location != null ? location : id;
    }
}
