package covet.writer.json;

import covet.api.migration.Migration;
import covet.api.migration.MigrationIds;
import covet.api.operation.Operation;
import java.util.ArrayList;
import java.util.List;

/** Maps the top level of a migration file ({@code format}, {@code id}, {@code app}, ...) to a {@link Migration}. */
final class MigrationReader {
    static final List<String> FIELDS = List.of("format", "id", "app", "dependencies", "operations");
    private static final String ID_RULE = "expected YYYYMMDD_HHMMSS_name, e.g. 20261124_120000_create_users";

    private MigrationReader() {
    }

    static Migration read(Node node, String location, String fileStem) {
        Node.Obj root = FormatVersion.root(node, "a migration");
        FormatVersion.check(root);
        Fields f = Fields.of(root, "", FIELDS);
        String id = id(f.required("id"), "id");
        if (fileStem != null && !fileStem.equals(id)) {
            throw new JsonReadException(f.required("id").at(), "id: '" + id + "' differs from the file name '"
                    + fileStem + "' (a migration's id is its file name without the extension)");
        }
        String app = f.optionalString("app");
        List<Node> depNodes = f.optionalArray("dependencies");
        List<String> dependencies = new ArrayList<>(depNodes.size());
        for (int i = 0; i < depNodes.size(); i++) {
            dependencies.add(dependency(depNodes.get(i), Paths.item("dependencies", i)));
        }
        List<Node> opNodes = f.array("operations");
        List<Operation> operations = new ArrayList<>(opNodes.size());
        for (int i = 0; i < opNodes.size(); i++) {
            operations.add(OperationReader.read(opNodes.get(i), Paths.item("operations", i)));
        }
        return f.build(() -> new Migration(id, app, dependencies, operations, location));
    }

    /** A dependency may also name a migration of another format in the folder ({@code V1.1__init}). */
    private static String dependency(Node node, String path) {
        String id = Fields.asString(node, path);
        if (!MigrationIds.isDependency(id)) {
            throw new JsonReadException(node.at(), Paths.at(path, "'" + id + "' is not a migration id (" + ID_RULE
                    + ", or the id of a migration in another format, such as V1.1__init)"));
        }
        return id;
    }

    private static String id(Node node, String path) {
        String id = Fields.asString(node, path);
        if (!MigrationIds.isValid(id)) {
            throw new JsonReadException(node.at(), Paths.at(path, "'" + id + "' is not a migration id (" + ID_RULE
                    + ")"));
        }
        return id;
    }
}
