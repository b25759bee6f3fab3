package covet.cli;

import covet.engine.FlywayAdoption;
import covet.engine.LiquibaseAdoption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "adopt", mixinStandardHelpOptions = true,
        header = "Take over a database Flyway or Liquibase has been migrating.",
        description = {"adopt flyway: reads flyway_schema_history and records every migration Flyway applied as",
                "applied in covet_migrations, matched with the V*.sql files of the same version.",
                "adopt liquibase: reads DATABASECHANGELOG, writes a baseline migration of the schema as it is",
                "and records it as applied. Either way the old table is left unchanged, and the next",
                "'covet migrate' runs only what the old tool had not. Refused, recording nothing, when",
                "anything does not match (see docs/flyway-liquibase.md)."})
final class AdoptCommand implements Callable<Integer> {
    enum Tool { flyway, liquibase }

    @ParentCommand
    CovetCommand root;

    @Parameters(index = "0", paramLabel = "flyway|liquibase", description = "The tool whose history to adopt")
    Tool tool;

    @Override
    public Integer call() {
        var covet = root.covet();
        if (tool == Tool.flyway) {
            List<String> ids = FlywayAdoption.adopt(covet);
            if (root.json()) {
                var doc = JsonOut.document("adopt", true);
                doc.put("recorded", ids);
                JsonOut.print(doc);
            } else {
                ids.forEach(id -> System.out.println("Adopted " + id));
                System.out.println(ids.size() + " migration(s) Flyway applied are recorded in covet_migrations; "
                        + FlywayAdoption.TABLE + " was not changed.");
            }
            return ExitCodes.OK;
        }
        LiquibaseAdoption.Result r = LiquibaseAdoption.adopt(covet);
        r.unmanaged().forEach(u -> System.err.println("warning: not in the baseline (Covet does not manage it): "
                + u));
        if (root.json()) {
            var doc = JsonOut.document("adopt", true);
            doc.put("baseline", r.baselineId());
            doc.put("file", r.file().toString());
            doc.put("changesets", r.changesets());
            doc.put("unmanaged", r.unmanaged());
            JsonOut.print(doc);
        } else {
            System.out.println("Wrote " + r.file() + ": the schema as Liquibase's " + r.changesets()
                    + " changeset(s) left it, recorded as applied; DATABASECHANGELOG was not changed.");
        }
        return ExitCodes.OK;
    }
}
