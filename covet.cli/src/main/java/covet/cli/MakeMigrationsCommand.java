package covet.cli;

import covet.api.migration.Migration;
import covet.api.model.Schema;
import covet.api.operation.Operation;
import covet.engine.Covet;
import covet.engine.config.CovetConfig;
import covet.engine.lint.Finding;
import covet.engine.lint.LintPolicy;
import covet.engine.lint.ProjectLint;
import covet.engine.models.ModelSchemaSource;
import covet.engine.questioner.Questioner;
import covet.engine.questioner.RenameFlags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
            description = "Confirm a rename: table old=new, or column table.old=table.new (repeatable)")
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

    @Option(names = "--strict", description = "Lint warnings block too (for CI)")
    boolean strict;

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
        Schema desired = desired(covet, config);
        Questioner questioner = new RenameFlags(renames, Questions.interactive() && !check
                ? new TerminalQuestioner() : Questioner.NO_RENAMES);
        Optional<Migration> made = covet.makeMigration(desired, name, questioner);
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
        List<Finding> findings = made.isPresent() && !check && !dryRun
                ? ProjectLint.lintNew(covet, made.get()) : List.of();
        if (root.json()) {
            return json(covet, made, drift, findings, policy);
        }
        if (made.isEmpty()) {
            System.out.println("No changes detected.");
            return check && !drift.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
        }
        Migration m = made.get();
        if (check) {
            System.out.println("Changes pending (" + m.operations().size() + " operations):");
            printOperations(m);
            return ExitCodes.FAILED;
        }
        if (dryRun) {
            System.out.print(covet.registry().writer(format).write(m));
            return ExitCodes.OK;
        }
        LintCommand.enforce("makemigrations", findings, policy, false);
        Path file = covet.writeMigration(m, format);
        System.out.println("Wrote " + file);
        printOperations(m);
        return ExitCodes.OK;
    }

    private int json(Covet covet, Optional<Migration> made, List<String> drift, List<Finding> findings,
                     LintPolicy policy) {
        LintCommand.enforce("makemigrations", findings, policy, true);
        boolean pending = made.isPresent() || (check && !drift.isEmpty());
        var doc = JsonOut.document("makemigrations", !(check && pending));
        doc.put("changes", made.isPresent());
        doc.put("drift", drift);
        made.ifPresent(m -> doc.put("migration", JsonOut.data(m)));
        doc.put("findings", LintCommand.json(findings, policy));
        if (made.isPresent() && !check && !dryRun) {
            doc.put("written", covet.writeMigration(made.get(), format).toString());
        }
        JsonOut.print(doc);
        return check && pending ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private Schema desired(Covet covet, CovetConfig config) {
        if ((schema != null ? 1 : 0) + (models != null ? 1 : 0) + (fromDatabase ? 1 : 0) > 1) {
            throw new UsageException("give one of --schema, --models and --from-database");
        }
        if (fromDatabase) {
            return covet.inspect();
        }
        Path modelsPath = models != null ? models : schema == null ? config.models() : null;
        Path schemaPath = schema != null ? schema : models == null ? config.schema() : null;
        // the scratch server matters only for SQL DDL; a model folder or a schema file needs no URL at all
        boolean sql = schemaPath != null && schemaPath.getFileName().toString().toLowerCase().endsWith(".sql");
        String url = devUrl != null ? devUrl : config.devUrl() != null ? config.devUrl() : sql ? covet.url() : null;
        if (modelsPath != null) {
            String pkg = modelsPackage != null ? modelsPackage : config.modelsPackage();
            return covet.readSchema(new ModelSchemaSource(pkg), modelsPath, url);
        }
        if (schemaPath == null) {
            throw new UsageException("makemigrations needs the wanted schema: --schema FILE, --models PATH, "
                    + "--from-database, or 'schema' / 'models' in covet.yaml");
        }
        return covet.desiredSchema(schemaPath, url);
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
