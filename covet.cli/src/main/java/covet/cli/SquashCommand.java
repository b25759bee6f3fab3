package covet.cli;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import covet.api.spi.MigrationWriter;
import covet.engine.Covet;
import covet.engine.config.CovetConfig;
import covet.engine.load.MigrationLoader;
import covet.engine.squash.ReplacementIndex;
import covet.engine.squash.SquashFiles;
import covet.engine.squash.SquashPlan;
import covet.engine.squash.Squasher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "squash", mixinStandardHelpOptions = true,
        header = "Replace a range of migrations by one optimized migration.",
        description = {"Replace the migrations FROM..TO (in the order they run) by one whose operations are theirs,",
                "optimized. Writes the new migration and ID.replaces beside it; keep the old files until every",
                "database has migrated past them (a database that applied some of them applies the rest)."})
final class SquashCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Parameters(index = "0", paramLabel = "FROM", description = "First migration of the range")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Last migration of the range")
    String to;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Name part of the new migration's id (default: squashed_<TO's name>)")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Migration file format (default: json)")
    String format = "json";

    @Option(names = "--dry-run", description = "Print the migration that would be written; write nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        Covet covet = root.covet();
        CovetConfig config = covet.config();
        // the files as they are on disk, squashes and replaced ones alike; Squasher resolves them itself
        List<Migration> files = new MigrationLoader(covet.registry()).load(config.migrationsDir());
        SquashPlan plan = Squasher.plan(files, ReplacementIndex.beside(files, null), config.app(), from, to, name);
        MigrationWriter writer = covet.registry().writer(format);
        Migration squashed = plan.squashed();
        if (root.json()) {
            var doc = JsonOut.document("squash", true);
            doc.put("migration", JsonOut.data(squashed));
            doc.put("replaces", plan.replaces());
            doc.put("operationsBefore", plan.operationsBefore());
            if (!dryRun) {
                doc.put("written", SquashFiles.write(config.migrationsDir(), writer, plan).stream()
                        .map(Path::toString).toList());
            }
            JsonOut.print(doc);
            return ExitCodes.OK;
        }
        if (dryRun) {
            System.out.print(writer.write(squashed));
            System.err.print(ReplacementIndex.format(squashed.id(), plan.replaces()));
            return ExitCodes.OK;
        }
        List<Path> written = SquashFiles.write(config.migrationsDir(), writer, plan);
        System.out.println("Wrote " + written.get(0) + " and " + written.get(1).getFileName());
        System.out.println("  replaces " + plan.replaces().size() + " migrations (" + plan.operationsBefore()
                + " operations, now " + squashed.operations().size() + "):");
        plan.replaces().forEach(id -> System.out.println("    " + id));
        for (Operation op : squashed.operations()) {
            System.out.println("  - " + op.describe());
        }
        System.out.println("Keep the replaced files until every database has migrated past " + squashed.id()
                + "; then delete them, and keep " + written.get(1).getFileName() + ".");
        return ExitCodes.OK;
    }
}
