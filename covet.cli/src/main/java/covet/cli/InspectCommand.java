package covet.cli;

import covet.api.model.Check;
import covet.api.model.Column;
import covet.api.model.ForeignKey;
import covet.api.model.Index;
import covet.api.model.IndexColumn;
import covet.api.model.Schema;
import covet.api.model.Table;
import covet.api.model.UniqueConstraint;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
                printOutline(schema);
                return ExitCodes.OK;
            default:
                throw new UsageException("--format must be json, sql or text, not '" + format + "'");
        }
    }

    private static void printOutline(Schema schema) {
        if (schema.tables().isEmpty()) {
            System.out.println("(no tables)");
        }
        for (Table t : schema.tables()) {
            System.out.println("table " + t.name());
            for (Column c : t.columns()) {
                System.out.println("  " + c.name() + " " + c.type().spelling() + (c.nullable() ? "" : " not null")
                        + (c.defaultValue() != null ? " default " + c.defaultValue() : "")
                        + (c.autoIncrement() ? " auto-increment" : ""));
            }
            if (t.primaryKey() != null) {
                System.out.println("  primary key (" + String.join(", ", t.primaryKey().columns()) + ")");
            }
            for (UniqueConstraint u : t.uniques()) {
                System.out.println("  unique " + u.name() + " (" + String.join(", ", u.columns()) + ")");
            }
            for (Index i : t.indexes()) {
                System.out.println("  " + (i.unique() ? "unique index " : "index ") + i.name() + " ("
                        + i.columns().stream().map(InspectCommand::key).collect(Collectors.joining(", ")) + ")"
                        + (i.where() != null ? " where " + i.where() : ""));
            }
            for (ForeignKey f : t.foreignKeys()) {
                System.out.println("  foreign key " + f.name() + " (" + String.join(", ", f.columns())
                        + ") references " + f.referencedTable() + " (" + String.join(", ", f.referencedColumns())
                        + ") on delete " + f.onDelete().sql() + " on update " + f.onUpdate().sql());
            }
            for (Check c : t.checks()) {
                System.out.println("  check " + c.name() + " (" + c.expression() + ")");
            }
        }
    }

    private static String key(IndexColumn k) {
        return (k.isExpression() ? "(" + k.expression() + ")" : k.name()) + (k.descending() ? " desc" : "");
    }
}
