package covet.maven;

import covet.api.migration.Migration;
import covet.api.operation.Operation;
import covet.engine.Covet;
import covet.engine.config.CovetConfig;
import covet.engine.models.ModelSchemaSource;
import covet.engine.questioner.Questioner;
import covet.engine.source.DesiredSchema;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when the migrations do not reach the wanted schema, as {@code covet makemigrations --check}
 * does: someone changed the schema file or the model classes and forgot to write the migration.
 */
@Mojo(name = "check", requiresProject = false, threadSafe = true)
public class CheckMojo extends CovetMojo {
    /** The wanted schema: a schema file (JSON, YAML) or SQL DDL (default: 'schema' in covet.yaml). */
    @Parameter(property = "covet.schema")
    File schema;

    /** Or annotated model classes: a folder of compiled classes or a jar (default: 'models' in covet.yaml). */
    @Parameter(property = "covet.models")
    File models;

    /** The package of the model classes. */
    @Parameter(property = "covet.modelsPackage")
    String modelsPackage;

    /** A server for a scratch database, to read SQL DDL. */
    @Parameter(property = "covet.devUrl")
    String devUrl;

    @Override
    void run(Covet covet) throws MojoFailureException {
        CovetConfig config = covet.config();
        Path modelsPath = models != null ? models.toPath() : schema == null ? config.models() : null;
        Path schemaPath = schema != null ? schema.toPath() : models == null ? config.schema() : null;
        String dev = devUrl != null ? devUrl : config.devUrl();
        DesiredSchema wanted;
        if (modelsPath != null) {
            wanted = covet.readDesired(new ModelSchemaSource(modelsPackage != null ? modelsPackage
                    : config.modelsPackage()), modelsPath, dev);
        } else if (schemaPath != null) {
            boolean sql = schemaPath.getFileName().toString().toLowerCase().endsWith(".sql");
            wanted = covet.desired(schemaPath, dev != null ? dev : sql ? covet.url() : null);
        } else {
            throw new MojoFailureException("Covet check needs the wanted schema: <schema>, <models>, or 'schema' /"
                    + " 'models' in covet.yaml");
        }
        wanted.unmanaged().forEach(u -> getLog().warn("Covet does not manage " + u));
        List<Migration> made = covet.makeMigrations(wanted, null, Questioner.NO_RENAMES,
                config.maxOperationsPerMigration());
        if (made.isEmpty()) {
            getLog().info("Covet check: no changes: the migrations reach the wanted schema");
            return;
        }
        StringBuilder changes = new StringBuilder();
        int total = 0;
        for (Migration m : made) {
            for (Operation op : m.operations()) {
                changes.append("\n  - ").append(op.describe());
                total++;
            }
        }
        throw new MojoFailureException("Covet check: changes pending (" + total + " operations) that no migration"
                + " makes; run 'covet makemigrations' and commit the file:" + changes);
    }
}
