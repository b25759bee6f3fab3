package covet.cli;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import covet.engine.Covet;
import covet.engine.SqlMigrationFiles;
import covet.engine.UnmanagedObjectsException;
import covet.engine.config.CovetConfig;
import covet.engine.lint.Finding;
import covet.engine.lint.LintPolicy;
import covet.engine.lint.ProjectLint;
import covet.engine.models.ModelSchemaSource;
import covet.engine.questioner.Questioner;
import covet.engine.questioner.RenameFlags;
import covet.engine.source.DesiredSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "makemigrations", mixinStandardHelpOptions = true,
        header = "Write the migration that takes the migrations to the wanted schema.",
        description = {"Write a migration from the difference between the schema you want and the schema the",
                "migrations on disk produce (no database needed, except as scratch space for SQL DDL)."})
final class MakeMigrationsCommand implements Callable<Integer> {
    @ParentCommand
    CovetCommand root;

    @Option(names = "--schema", paramLabel = "PATH", description = "Wanted schema: a schema file (.json) or SQL DDL (.sql)")
    Path schema;

    @Option(names = "--models", paramLabel = "PATH", description = "Wanted schema: compiled model classes (folder or jar)")
    Path models;

    @Option(names = "--models-package", paramLabel = "PKG", description = "Only model classes in this package")
    String modelsPackage;

    @Option(names = "--name", paramLabel = "NAME", description = "Name part of the new migration's id")
    String name;

    @Option(names = "--check", description = "Write nothing; exit 1 when changes are pending, 0 when none")
    boolean check;

    @Option(names = "--dry-run", description = "Print the file that would be written; write nothing")
    boolean dryRun;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = {"Confirm a rename (repeatable): a table old=new,", "a column table.old=table.new"})
    List<String> renames = new ArrayList<>();

    @Option(names = "--dev-url", paramLabel = "JDBC_URL",
            description = "Database to use as scratch space for SQL DDL (default: the configured server)")
    String devUrl;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Migration file format (default: json)")
    String format = "json";

    @Option(names = "--from-database", description = {"Wanted schema: the live database (adopting an existing",
            "database: then 'covet migrate --fake' records it as applied)"})
    boolean fromDatabase;

    @Option(names = "--allow", paramLabel = "RULE",
            description = "Write the migration despite findings of this lint rule or group (repeatable)")
    List<String> allow = new ArrayList<>();

    @Option(names = "--strict", description = {"Lint warnings block too, and so does an object of the wanted",
            "schema that Covet does not manage (exit 1, nothing written): for CI"})
    boolean strict;

    @Option(names = "--max-operations", paramLabel = "N", description = {"Split a larger migration into a chain of",
            "migrations of at most N operations each (default: max_operations_per_migration, 500)"})
    Integer maxOperations;

    @Option(names = "--merge", description = {"Write a migration that joins the app's leaves (two branches' migrations",
            "after the same parent); refuses when they change the same objects"})
    boolean merge;

    @Override
    public Integer call() {
        Covet covet = root.covet();
        if (merge) {
            return MergeSupport.merge(covet, name, dryRun, format, root.json());
        }
        CovetConfig config = covet.config();
        int max = maxOperations != null ? maxOperations : config.maxOperationsPerMigration();
        if (max < 1) {
            throw new UsageException("--max-operations must be at least 1, not " + max);
        }
        DesiredSchema wanted = desired(covet, config);
        // nothing is dropped silently: each object left out is named, and --strict refuses before anything is written
        wanted.unmanaged().forEach(u -> System.err.println("warning: makemigrations does not manage " + u
                + "; it is not in the migration"));
        if (strict && !wanted.unmanaged().isEmpty()) {
            throw new UnmanagedObjectsException(wanted.unmanaged());
        }
        Questioner questioner = new RenameFlags(renames, Questions.interactive() && !check
                ? new TerminalQuestioner() : Questioner.NO_RENAMES);
        List<Migration> made = covet.makeMigrations(wanted, name, questioner, max);
        List<String> drift;
        try {
            drift = fromDatabase ? List.of() : covet.drift();
        } catch (covet.engine.ConnectionFailedException e) {
            // no database is needed to write a migration: drift is a bonus when one is reachable
            System.err.println("warning: drift not checked: " + e.getMessage());
            drift = List.of();
        }
        drift.forEach(d -> System.err.println("warning: drift: " + d));
        LintPolicy policy = LintCommand.policy(allow, strict);
        List<Finding> findings = !made.isEmpty() && !check && !dryRun ? ProjectLint.lintNew(covet, made) : List.of();
        if (root.json()) {
            return json(covet, made, wanted, drift, findings, policy);
        }
        if (made.isEmpty()) {
            System.out.println("No changes detected.");
            return check && !drift.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
        }
        int total = made.stream().mapToInt(m -> m.operations().size()).sum();
        if (check) {
            System.out.println("Changes pending (" + total + " operations" + (made.size() > 1 ? ", " + made.size()
                    + " migrations" : "") + "):");
            made.forEach(MakeMigrationsCommand::printOperations);
            return ExitCodes.FAILED;
        }
        if (made.size() > 1) {
            System.err.println(total + " operations are more than " + max + " per migration (each migration is one"
                    + " transaction, and its locks must fit the server's lock table): "
                    + (dryRun ? "would write" : "writing") + " a chain of " + made.size() + " migrations that run"
                    + " in order");
        }
        if (dryRun && covet.registry().writer(format) instanceof covet.api.spi.MigrationFilesWriter files) {
            // a format of several files per migration (the SQL format's pairs) shows each file, rendered
            System.out.print(SqlMigrationFiles.preview(covet, made, files));
            return ExitCodes.OK;
        }
        if (dryRun) {
            for (Migration m : made) {
                if (made.size() > 1) {
                    System.err.println("--- " + m.id());
                }
                System.out.print(covet.registry().writer(format).write(m));
            }
            return ExitCodes.OK;
        }
        LintCommand.enforce("makemigrations", findings, policy, false);
        List<Path> files = covet.writeMigrations(made, format);
        for (int i = 0; i < made.size(); i++) {
            System.out.println("Wrote " + files.get(i) + (made.size() > 1 ? " (" + made.get(i).operations().size()
                    + " operations)" : ""));
            if (made.size() == 1) {
                printOperations(made.get(i));
            }
        }
        return ExitCodes.OK;
    }

    private int json(Covet covet, List<Migration> made, DesiredSchema wanted, List<String> drift,
                     List<Finding> findings, LintPolicy policy) {
        LintCommand.enforce("makemigrations", findings, policy, true);
        boolean pending = !made.isEmpty() || (check && !drift.isEmpty());
        var doc = JsonOut.document("makemigrations", !(check && pending));
        doc.put("changes", !made.isEmpty());
        doc.put("drift", drift);
        doc.put("unmanaged", wanted.unmanaged());
        if (made.size() == 1) {
            doc.put("migration", JsonOut.data(made.get(0)));
        }
        if (!made.isEmpty()) {
            doc.put("migrations", JsonOut.data(made));
        }
        doc.put("findings", LintCommand.json(findings, policy));
        if (!made.isEmpty() && !check && !dryRun) {
            List<String> files = covet.writeMigrations(made, format).stream().map(Path::toString).toList();
            doc.put("written", files.size() == 1 ? files.get(0) : files);
        }
        JsonOut.print(doc);
        return check && pending ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private DesiredSchema desired(Covet covet, CovetConfig config) {
        if ((schema != null ? 1 : 0) + (models != null ? 1 : 0) + (fromDatabase ? 1 : 0) > 1) {
            throw new UsageException("give one of --schema, --models and --from-database");
        }
        if (fromDatabase) {
            return covet.desiredFromDatabase();
        }
        Path modelsPath = models != null ? models : schema == null ? config.models() : null;
        Path schemaPath = schema != null ? schema : models == null ? config.schema() : null;
        // the scratch server matters only for SQL DDL; a model folder or a schema file needs no URL at all
        boolean sql = schemaPath != null && schemaPath.getFileName().toString().toLowerCase().endsWith(".sql");
        String url = devUrl != null ? devUrl : config.devUrl() != null ? config.devUrl() : sql ? covet.url() : null;
        if (modelsPath != null) {
            String pkg = modelsPackage != null ? modelsPackage : config.modelsPackage();
            return covet.readDesired(new ModelSchemaSource(pkg), modelsPath, url);
        }
        if (schemaPath == null) {
            throw new UsageException("makemigrations needs the wanted schema: --schema FILE, --models PATH, "
                    + "--from-database, or 'schema' / 'models' in covet.yaml");
        }
        return covet.desired(schemaPath, url);
    }

    private static void printOperations(Migration m) {
        for (Operation op : m.operations()) {
            System.out.println("  - " + op.describe());
        }
    }

    /** Asks rename questions on the terminal. */
    private static final class TerminalQuestioner implements Questioner {
        @Override
        public boolean isTableRename(String from, String to) {
            return Questions.confirm(false, "Was table " + from + " renamed to " + to + "?");
        }

        @Override
        public boolean isColumnRename(String table, String from, String to) {
            return Questions.confirm(false, "Was column " + table + "." + from + " renamed to " + to + "?");
        }
    }
}
