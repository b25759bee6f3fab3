package covet.cli;

import covet.api.model.Schema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        header = "Print the live schema (schema file, DDL or outline).",
        description = {"Print the live schema of the database as Covet reads it: as a schema file (json, which",
                "makemigrations --schema reads back), as DDL for the dialect (sql), or as an outline (text)."})
final class InspectCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json (default), sql or text")
    String format = "json";

    @Override
    public Integer call() {
        Schema schema = root.covet().inspect();
        java.util.List<String> unmanaged = root.covet().unmanaged();
        if (root.json()) {
            var doc = JsonOut.document("inspect", true);
            doc.put("tables", JsonOut.data(schema.tables()));
            doc.put("objects", JsonOut.data(schema.objects()));
            doc.put("unmanaged", unmanaged);
            JsonOut.print(doc);
            return ExitCodes.OK;
        }
        // objects Covet does not manage are listed, never silently skipped; stderr keeps stdout a valid schema file
        unmanaged.forEach(u -> System.err.println("not managed by Covet: " + u));
        switch (format) {
            case "json":
                System.out.print(root.covet().registry().writer("json").writeSchema(schema));
                return ExitCodes.OK;
            case "sql":
                for (String sql : root.covet().ddl(schema)) {
                    System.out.println(sql.strip().endsWith(";") ? sql : sql + ";");
                }
                return ExitCodes.OK;
            case "text":
                new InspectOutline(System.out).print(schema);
                return ExitCodes.OK;
            default:
                throw new UsageException("--format must be json, sql or text, not '" + format + "'");
        }
    }
}
